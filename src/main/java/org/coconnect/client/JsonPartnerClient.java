package org.coconnect.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import com.fasterxml.jackson.databind.JsonNode;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.CertificateVerification;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.domain.Operation;
import org.coconnect.partner.Partner;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.JoseMessages;
import org.coconnect.security.PartnerServerTrust;
import org.coconnect.security.TlsMaterial;
import org.coconnect.ws.AcknowledgementMapper;
import org.coconnect.ws.JsonCodec;
import org.coconnect.ws.PayloadDigest;
import org.coconnect.ws.JsonPayloadValidator;
import org.coconnect.ws.VerificationMapper;
import org.coconnect.ws.VerifyEndpoint;
import org.coconnect.ws.generated.messages.VerifyCoResponseType;
import org.w3c.dom.Element;

/**
 * Our delivery to a partner on the JSON API (docs/json-api.md): the outbox's payload as JSON, signed afresh
 * on every attempt (encrypted too where agreed), POSTed over the same mutual TLS and Basic login as SOAP; the
 * answer must be the partner's signed acknowledgement of this message ID. Thread-safe.
 */
final class JsonPartnerClient {

    private final Partner partner;
    private final GatewayKeys keys;
    private final String authorization;
    private final HttpClient http;

    JsonPartnerClient(GatewayKeys keys, Partner partner, CredentialFiles.Login login) {
        this.partner = partner;
        this.keys = keys;
        this.authorization = login == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (login.user() + ":" + new String(login.password())).getBytes(StandardCharsets.UTF_8));
        try {
            SSLContext tls = SSLContext.getInstance("TLSv1.3");
            // Only this partner's anchors, as for SOAP: another partner's CA cannot impersonate this partner's server.
            tls.init(TlsMaterial.keyManagers(keys), PartnerServerTrust.forPartner(keys.trust(), partner.id(),
                    partner.tlsCertificates(), partner.config().trust().pinnedServerSha256()), null);
            var parameters = new SSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3"});
            http = HttpClient.newBuilder().sslContext(tls).sslParameters(parameters)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS to " + partner.id() + " cannot be set up", e);
        }
    }

    /** The partner's address of an operation on the JSON API: {base}/json/{operation}. */
    URI address(Operation operation) {
        return partner.config().operationUrl("json/" + operation.pathName());
    }

    /**
     * One answered attempt: the acknowledgement, the JWS (or JWE) as sent, the answer as received, its signer, and the
     * digest the partner should have acknowledged.
     */
    record Exchanged(Acknowledgement ack, byte[] sent, byte[] received, byte[] signerDer, byte[] payloadDigest) {
    }

    Exchanged send(Operation operation, Element payload, UUID messageId) throws DeliveryException {
        JsonNode json;
        try {
            json = JsonCodec.requestToJson(operation, payload);
        } catch (IllegalArgumentException e) {
            throw new DeliveryException(operation.pathName() + " " + messageId + " cannot be written as JSON: "
                    + e.getMessage(), e);
        }
        String what = operation.pathName() + " " + messageId;
        Posted posted = post(address(operation), json, what);
        HttpResponse<String> response = posted.response();
        if (response.statusCode() != 200) {
            throw new DeliveryException(partner.id() + " refused " + what + ": HTTP " + response.statusCode() + " "
                    + abbreviate(response.body()), null);
        }
        JoseMessages.Verified verified = open(response.body(), "acknowledgement");
        byte[] answer = verified.payload();
        Acknowledgement ack;
        try {
            requireValid(JsonPayloadValidator.validateAcknowledgement(JsonCodec.mapper().readTree(answer)), "acknowledgement");
            ack = AcknowledgementMapper.fromMessage(JsonCodec.acknowledgementFromJson(answer));
        } catch (IOException | RuntimeException e) {
            throw new DeliveryException("acknowledgement from " + partner.id() + " cannot be read: " + e.getMessage(), e);
        }
        if (!ack.receivedMessageId().equals(messageId)) {
            throw new DeliveryException("acknowledgement from " + partner.id() + " is for " + ack.receivedMessageId()
                    + ", not " + messageId, null);
        }
        return new Exchanged(ack, posted.body().getBytes(StandardCharsets.US_ASCII),
                response.body().getBytes(StandardCharsets.UTF_8), der(verified.signer()), sentDigest(operation, json, ack));
    }

    /**
     * The partner digests the XML it rebuilds from our JSON (laid out differently from ours), or, when the JSON
     * fails its schema and is never rebuilt, the JSON bytes as signed: the one the answer names, else the first.
     */
    private static byte[] sentDigest(Operation operation, JsonNode json, Acknowledgement ack) {
        byte[] rebuilt = rebuiltDigest(operation, json);
        if (ack.payloadDigest() == null || MessageDigest.isEqual(rebuilt, ack.payloadDigest())) {
            return rebuilt;
        }
        try {
            byte[] signed = MessageDigest.getInstance("SHA-256").digest(JsonCodec.mapper().writeValueAsBytes(json));
            return MessageDigest.isEqual(signed, ack.payloadDigest()) ? signed : rebuilt;
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            return rebuilt;
        }
    }

    private static byte[] rebuiltDigest(Operation operation, JsonNode json) {
        try {
            // Rebuilt as the partner does, from the bytes as signed: parsing may normalise what the tree held.
            JsonNode received = JsonCodec.mapper().readTree(JsonCodec.mapper().writeValueAsBytes(json));
            return PayloadDigest.of(JsonCodec.requestToXml(operation, received)).sha256();
        } catch (IOException | IllegalArgumentException e) {
            // Not rebuildable (a payload the schema refuses): only the JSON bytes as signed can be acknowledged.
            return new byte[0];
        }
    }

    /** A signer's certificate as kept in the evidence: DER, or null when there is none. */
    static byte[] der(java.security.cert.X509Certificate certificate) {
        try {
            return certificate == null ? null : certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            return null;
        }
    }

    /** Annex III over the JSON API; empty when the partner answers NOT_FOUND. */
    Optional<CertificateVerification> verify(MessageHeader header, String issuingCountry, String number,
                                             String referenceCode) throws DeliveryException {
        JsonNode request = JsonCodec.mapper().valueToTree(VerificationMapper.request(header, issuingCountry, number,
                referenceCode));
        HttpResponse<String> response = post(partner.config().operationUrl("json/" + VerifyEndpoint.PATH), request,
                VerifyEndpoint.PATH).response();
        if (response.statusCode() == 429) {
            throw new DeliveryException(partner.id() + " refused verify-co with HTTP 429: "
                    + ErrorCode.LOOKUP_RATE_LIMITED.partnerText(), null);
        }
        if (response.statusCode() != 200) {
            throw new DeliveryException(partner.id() + " refused verify-co: HTTP " + response.statusCode() + " "
                    + abbreviate(response.body()), null);
        }
        byte[] answer = open(response.body(), "verify-co answer").payload();
        try {
            JsonNode json = JsonCodec.mapper().readTree(answer);
            requireValid(JsonPayloadValidator.validateLookupAnswer(json), "verify-co answer");
            VerifyCoResponseType read = JsonCodec.mapper().treeToValue(json, VerifyCoResponseType.class);
            String related = read.getMessageHeader().getRelatedMessageId();
            if (!header.messageId().toString().equals(related)) {
                throw new DeliveryException("verify-co answer from " + partner.id() + " is not for our request "
                        + header.messageId(), null);
            }
            return VerificationMapper.fromResponse(read);
        } catch (IOException | RuntimeException e) {
            throw new DeliveryException("verify-co answer from " + partner.id() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The body as sent and the partner's response. */
    private record Posted(String body, HttpResponse<String> response) {
    }

    /** POSTs the JSON signed afresh (and encrypted where agreed): every attempt has its own JWS. */
    private Posted post(URI address, JsonNode json, String what) throws DeliveryException {
        String body;
        try {
            body = JoseMessages.sign(JsonCodec.mapper().writeValueAsBytes(json), keys.signingKey(),
                    keys.signingCertificate());
        } catch (JsonProcessingException e) {
            throw new DeliveryException(what + " cannot be written as JSON: " + e.getMessage(), e);
        }
        if (partner.config().protocol().encrypt()) {
            body = JoseMessages.encrypt(body, partner.encryptionCertificate());
        }
        var request = HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(60))
                .header("Content-Type", JoseMessages.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return new Posted(body, http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new DeliveryException(partner.id() + " unreachable for " + what + ": " + e.getClass().getSimpleName()
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted sending " + what + " to " + partner.id(), e);
        }
    }

    /** The partner's answer, once it is shown to be signed by the partner's signing certificate. */
    private JoseMessages.Verified open(String body, String what) throws DeliveryException {
        JoseMessages.Verified verified;
        try {
            String compact = body.strip();
            if (JoseMessages.isEncrypted(compact)) {
                compact = JoseMessages.decrypt(compact, keys.encryptionKey());
            }
            verified = JoseMessages.verify(compact);
        } catch (JoseMessages.Refusal e) {
            throw new DeliveryException(what + " from " + partner.id() + " refused (" + e.code().code() + "): "
                    + e.getMessage(), e);
        }
        if (!partner.signingCertificates().contains(verified.signer())) {
            throw new DeliveryException(what + " signed by " + verified.signer().getSubjectX500Principal()
                    + ", which is not " + partner.id() + "'s signing certificate", null);
        }
        return verified;
    }

    private void requireValid(List<Problem> problems, String what) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(what + " from " + partner.id() + " does not match its schema: "
                    + problems.get(0).text() + " at " + problems.get(0).location());
        }
    }

    private static String abbreviate(String s) {
        String line = s == null ? "" : s.replaceAll("\\p{Cntrl}", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
