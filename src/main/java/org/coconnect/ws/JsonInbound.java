package org.coconnect.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.InboundMessage;
import org.coconnect.exchange.ReceiveMessage;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.JoseMessages;

/**
 * One JSON request after the transport admitted it: JOSE (decrypt, verify, bind the signer to the partner),
 * the JSON Schema, then the very path of the SOAP side (the request element, XSD, digest, {@link ReceiveMessage})
 * and the acknowledgement back, signed, and encrypted when the partner's configuration says so.
 */
final class JsonInbound {

    private final AdministrationId self;
    private final PartnerDirectory partners;
    private final GatewayKeys keys;
    private final ReceiveMessage receive;
    private final Clock clock;

    JsonInbound(AdministrationId self, PartnerDirectory partners, GatewayKeys keys, ReceiveMessage receive, Clock clock) {
        this.self = self;
        this.partners = partners;
        this.keys = keys;
        this.receive = receive;
        this.clock = clock;
    }

    /** The compact JOSE answer (the signed acknowledgement) to a body from the transport-authenticated partner. */
    String receive(Operation operation, String transportPartner, byte[] body, Instant receivedAt) {
        Opened opened = open(transportPartner, body);
        Partner partner = opened.partner();
        // The shared rules locate problems by XPath; a JSON partner reads them as JSON Pointers.
        Acknowledgement ack = JsonPointers.translate(operation, receive.receive(read(operation, partner, opened.jws(),
                receivedAt)));
        var header = new MessageHeader(UUID.randomUUID(), self, partner.administration(), clock.instant(),
                ack.receivedMessageId(), MessageHeader.SCHEMA_VERSION);
        return seal(partner, JsonCodec.acknowledgementToJson(AcknowledgementMapper.toMessage(header, ack)));
    }

    /** A body opened: the partner it is bound to (transport and signer agree) and its verified JWS. */
    record Opened(Partner partner, JoseMessages.Verified jws) {
    }

    /** Decrypts where needed, verifies the JWS by the allowlist and binds its signer to the connection's partner. */
    Opened open(String transportPartner, byte[] body) {
        Partner connected = partners.byId(transportPartner).orElseThrow();
        if (!connected.config().protocol().isJson()) {
            throw security(ErrorCode.PROTOCOL_NOT_AGREED, connected.id() + " sent JSON, its partner.protocol is soap");
        }
        String compact = new String(body, StandardCharsets.US_ASCII).strip();
        JoseMessages.Verified jws;
        try {
            if (JoseMessages.isEncrypted(compact)) {
                compact = JoseMessages.decrypt(compact, keys.encryptionKey());
            } else if (connected.config().protocol().encrypt()) {
                throw security(ErrorCode.JWE_REQUIRED, connected.id() + " must encrypt (partner.json.encrypt=true)");
            }
            jws = JoseMessages.verify(compact);
        } catch (JoseMessages.Refusal e) {
            throw security(e.code(), connected.id() + ": " + e.getMessage());
        }
        return new Opened(GatewayEndpoint.bindSigner(jws.signer(), transportPartner, partners), jws);
    }

    /** An answer as JSON, signed with our signing key, encrypted for the partner where agreed. */
    String seal(Partner partner, JsonNode json) {
        byte[] payload;
        try {
            payload = JsonCodec.mapper().writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be written", e);
        }
        String signed = JoseMessages.sign(payload, keys.signingKey(), keys.signingCertificate());
        return partner.config().protocol().encrypt() ? JoseMessages.encrypt(signed, partner.encryptionCertificate()) : signed;
    }

    /** The payload of a verified JWS as one JSON object, or the partner's fault. */
    static JsonNode object(Partner partner, JoseMessages.Verified jws) {
        JsonNode json;
        try {
            json = JsonCodec.mapper().readTree(jws.payload());
        } catch (java.io.IOException e) {
            throw new GatewayFault(ErrorCode.JSON_MALFORMED, partner.id() + ": " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new GatewayFault(ErrorCode.JSON_MALFORMED, partner.id() + ": the payload is not one JSON object");
        }
        return json;
    }

    private InboundMessage read(Operation operation, Partner partner, JoseMessages.Verified jws, Instant receivedAt) {
        JsonNode json = object(partner, jws);
        byte[] evidence = jws.compact().getBytes(StandardCharsets.US_ASCII);
        List<Problem> problems = JsonPayloadValidator.validate(operation, json);
        if (problems.isEmpty()) {
            try {
                return GatewayEndpoint.read(operation, PayloadBindings.of(operation), partner,
                        JsonCodec.requestToXml(operation, json), evidence, receivedAt);
            } catch (IllegalArgumentException e) {
                // The schema let through what the mapping cannot take: still the payload's fault, reported as such.
                problems = List.of(Problem.error(ErrorCode.JSON_SCHEMA_INVALID, e.getMessage(), ""));
            }
        }
        // Invalid: nothing is mapped; the rejection names the message ID when it can be read, as on the SOAP side.
        String text = new String(jws.payload(), StandardCharsets.UTF_8);
        return new InboundMessage(operation, partner, readableId(json), null, null, problems, sha256(jws.payload()),
                evidence, text, receivedAt);
    }

    private static UUID readableId(JsonNode json) {
        try {
            return UUID.fromString(json.path("MessageHeader").path("MessageId").asText(""));
        } catch (IllegalArgumentException e) {
            return InboundMessage.UNREADABLE_ID;
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static GatewayFault security(ErrorCode code, String detail) {
        return new GatewayFault(code, ErrorCode.SECURITY_FAILURE, detail);
    }
}
