package org.coconnect.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.security.cert.X509Certificate;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.PartnerProtocol;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.Operation;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.JoseMessages;
import org.coconnect.ws.AcknowledgementMapper;
import org.coconnect.ws.JsonCodec;
import org.w3c.dom.Element;

/** KR-KCS speaking the JSON API to ID-DJBC by hand: JWS (and JWE) made here, over KR's mutual TLS and login. */
public final class JsonPartner {

    private final GatewayKeys keys;
    private final X509Certificate idEncryption;
    private final X509Certificate idSigning;
    private final MutualTlsSoapClient client;

    private JsonPartner(GatewayConfig kr) {
        keys = GatewayKeys.load(kr.keystores());
        Partner id = new PartnerDirectory(kr.partners(), keys.partners()).byId(TestGateways.ID_ID).orElseThrow();
        idEncryption = id.encryptionCertificate();
        idSigning = id.signingCertificates().get(0);
        client = new MutualTlsSoapClient(keys,
                CredentialFiles.readOutbound(kr.keystores().outboundCredentials()).get(TestGateways.ID_ID));
    }

    public static JsonPartner kr(GatewayConfig kr) {
        return new JsonPartner(kr);
    }

    /** The pair's configs with each side's partner switched to the JSON API. */
    public static java.util.List<GatewayConfig> onJson(java.util.List<GatewayConfig> configs, boolean encrypt) {
        return configs.stream().map(c -> c.withPartners(c.partners().stream()
                .map(p -> p.withProtocol(PartnerProtocol.json(encrypt))).toList())).toList();
    }

    public GatewayKeys keys() {
        return keys;
    }

    public X509Certificate idEncryptionCertificate() {
        return idEncryption;
    }

    public byte[] json(Operation operation, Element request) throws Exception {
        return JsonCodec.mapper().writeValueAsBytes(JsonCodec.requestToJson(operation, request));
    }

    /** Signed PS256 by KR with its certificate in x5c. */
    public String signed(byte[] json) {
        return JoseMessages.sign(json, keys.signingKey(), keys.signingCertificate());
    }

    public String signedAndEncrypted(byte[] json) {
        return JoseMessages.encrypt(signed(json), idEncryption);
    }

    public MutualTlsSoapClient.Response post(Gateway id, Operation operation, String body) {
        return client.send("POST", URI.create(id.baseUrl() + "/json/" + operation.pathName()), JoseMessages.MEDIA_TYPE,
                null, body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public MutualTlsSoapClient.Response get(Gateway id, String path) {
        return client.get(URI.create(id.baseUrl() + "/json/" + path));
    }

    /** ID's answer opened with KR's keys: decrypted when a JWE, its JWS checked to be ID's, read. */
    public Acknowledgement acknowledgement(MutualTlsSoapClient.Response answer) throws Exception {
        assertEquals(200, answer.status(), answer::text);
        assertEquals(JoseMessages.MEDIA_TYPE, answer.headers().firstValue("Content-Type").orElse(""));
        String compact = answer.text().strip();
        if (JoseMessages.isEncrypted(compact)) {
            compact = JoseMessages.decrypt(compact, keys.encryptionKey());
        }
        var verified = JoseMessages.verify(compact);
        assertEquals(idSigning, verified.signer(), "the acknowledgement is not signed by ID's signing certificate");
        JsonNode json = JsonCodec.mapper().readTree(verified.payload());
        assertEquals(java.util.List.of(), org.coconnect.ws.JsonPayloadValidator.validateAcknowledgement(json),
                "the acknowledgement does not match its JSON Schema");
        return AcknowledgementMapper.fromMessage(JsonCodec.acknowledgementFromJson(verified.payload()));
    }
}
