package org.coconnect.conformance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.coconnect.client.DeliveryException;
import org.coconnect.client.PartnerClient;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.ws.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Message-level checks: the advertised policy, refusal of an unsecured request, and the answers to a
 * valid message, its repetition and an invalid one, sent with our own client (signed, encrypted, and
 * the acknowledgement's signature and signer verified).
 */
final class MessageChecks {

    static final String POLICY = "policy-advertised";
    static final String UNSECURED = "unsecured-request-refused";
    static final String ACKNOWLEDGEMENT = "signed-acknowledgement";
    static final String DUPLICATE = "duplicate-message-id";
    static final String REJECTED = "rejected-with-codes";
    private static final String SP = "http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702";
    private static final List<String> REQUIRED_ASSERTIONS = List.of("AsymmetricBinding", "InitiatorToken",
            "RecipientToken", "IncludeTimestamp", "SignedParts", "EncryptedParts");

    private final PartnerClient client;
    private final PartnerHttp http;
    private final Probes probes;
    private final URI sendCo;
    private Element acceptedPayload;
    private UUID acceptedMessageId;

    MessageChecks(PartnerClient client, PartnerHttp http, Probes probes, URI sendCo) {
        this.client = client;
        this.http = http;
        this.probes = probes;
        this.sendCo = sendCo;
    }

    /** The WSDL at {send-co}?wsdl carries a WS-SecurityPolicy that signs and encrypts the Body with X.509 tokens. */
    CheckResult policy() {
        URI wsdl = URI.create(sendCo + "?wsdl");
        try {
            PartnerHttp.Answer answer = http.get(wsdl);
            if (answer.status() != 200) {
                return CheckResult.fail(POLICY, "GET " + wsdl + " answered HTTP " + answer.status());
            }
            Document doc = SecureXml.documentBuilder()
                    .parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)));
            List<String> missing = new ArrayList<>();
            for (String assertion : REQUIRED_ASSERTIONS) {
                if (doc.getElementsByTagNameNS(SP, assertion).getLength() == 0) {
                    missing.add("sp:" + assertion);
                }
            }
            if (!coversBody(doc, "SignedParts") || !coversBody(doc, "EncryptedParts")) {
                missing.add("sp:Body in sp:SignedParts and sp:EncryptedParts");
            }
            return missing.isEmpty() ? CheckResult.pass(POLICY, wsdl + " requires " + String.join(", ", REQUIRED_ASSERTIONS))
                    : CheckResult.fail(POLICY, wsdl + " lacks " + String.join(", ", missing));
        } catch (IOException | org.xml.sax.SAXException e) {
            return CheckResult.fail(POLICY, "no readable WSDL at " + wsdl + ": " + e.getMessage());
        }
    }

    private static boolean coversBody(Document doc, String parts) {
        var list = doc.getElementsByTagNameNS(SP, parts);
        for (int i = 0; i < list.getLength(); i++) {
            if (((Element) list.item(i)).getElementsByTagNameNS(SP, "Body").getLength() > 0) {
                return true;
            }
        }
        return false;
    }

    /** A send-co with no WS-Security at all must be answered with a SOAP fault, never an acknowledgement. */
    CheckResult unsecuredRequestRefused() {
        try {
            PartnerHttp.Answer answer = http.postSoap(sendCo, "urn:coconnect:send-co", probes.unsecuredEnvelope());
            boolean fault = answer.body().contains("Fault>") && answer.body().contains("http://schemas.xmlsoap.org/soap/envelope/");
            if (answer.status() == 500 && fault) {
                return CheckResult.pass(UNSECURED, "unsigned, unencrypted send-co answered with a SOAP fault (HTTP 500)");
            }
            return CheckResult.fail(UNSECURED, "unsigned, unencrypted send-co answered HTTP " + answer.status()
                    + (fault ? " with a fault (SOAP 1.1 faults use HTTP 500)" : " without a SOAP fault"));
        } catch (IOException e) {
            return CheckResult.fail(UNSECURED, "POST " + sendCo + " failed: " + e.getMessage());
        }
    }

    /** A valid send-co, signed and encrypted, is acknowledged ACCEPTED in a signed answer from the partner's certificate. */
    CheckResult signedAcknowledgement() {
        UUID messageId = UUID.randomUUID();
        Element payload = probes.validSendCo(messageId);
        try {
            Acknowledgement ack = client.send(Operation.SEND_CO, payload, messageId);
            if (ack.status() != AcknowledgementStatus.ACCEPTED && ack.status() != AcknowledgementStatus.ACCEPTED_WITH_WARNINGS) {
                return CheckResult.fail(ACKNOWLEDGEMENT, "valid send-co answered " + ack.status() + codes(ack));
            }
            acceptedPayload = payload;
            acceptedMessageId = messageId;
            return CheckResult.pass(ACKNOWLEDGEMENT, ack.status() + " for " + messageId
                    + ", signed by the partner's signing certificate, " + ack.payloadDigest().length * 8 + "-bit payload digest");
        } catch (DeliveryException e) {
            return CheckResult.fail(ACKNOWLEDGEMENT, e.getMessage());
        }
    }

    /** The accepted message sent again, same ID and content, freshly signed: DUPLICATE with CC-4001. */
    CheckResult duplicate() {
        if (acceptedPayload == null) {
            return CheckResult.fail(DUPLICATE, "not run: no message was accepted in " + ACKNOWLEDGEMENT);
        }
        try {
            Acknowledgement ack = client.send(Operation.SEND_CO, acceptedPayload, acceptedMessageId);
            boolean noted = ack.problems().stream().anyMatch(p -> p.code() == ErrorCode.DUPLICATE_MESSAGE);
            return ack.status() == AcknowledgementStatus.DUPLICATE && noted
                    ? CheckResult.pass(DUPLICATE, "repeated " + acceptedMessageId + " answered DUPLICATE" + codes(ack))
                    : CheckResult.fail(DUPLICATE, "repeated " + acceptedMessageId + " answered " + ack.status() + codes(ack)
                            + ", expected DUPLICATE with " + ErrorCode.DUPLICATE_MESSAGE.code());
        } catch (DeliveryException e) {
            return CheckResult.fail(DUPLICATE, e.getMessage());
        }
    }

    /** A schema-invalid send-co is answered REJECTED, every problem with a CC code, schema errors as CC-2001 (CC-2101 in JSON). */
    CheckResult rejectedWithCodes() {
        UUID messageId = UUID.randomUUID();
        try {
            Acknowledgement ack = client.send(Operation.SEND_CO, probes.schemaInvalidSendCo(messageId), messageId);
            // CC-2001 at XPaths over SOAP, CC-2101 at JSON Pointers over the JSON API.
            boolean schemaCode = ack.problems().stream().anyMatch(p -> p.code() == ErrorCode.SCHEMA_INVALID
                    || p.code() == ErrorCode.JSON_SCHEMA_INVALID);
            return ack.status() == AcknowledgementStatus.REJECTED && schemaCode
                    ? CheckResult.pass(REJECTED, "schema-invalid send-co answered REJECTED" + codes(ack))
                    : CheckResult.fail(REJECTED, "schema-invalid send-co answered " + ack.status() + codes(ack)
                            + ", expected REJECTED with " + ErrorCode.SCHEMA_INVALID.code() + " or "
                            + ErrorCode.JSON_SCHEMA_INVALID.code());
        } catch (DeliveryException e) {
            return CheckResult.fail(REJECTED, e.getMessage());
        }
    }

    private static String codes(Acknowledgement ack) {
        if (ack.problems().isEmpty()) {
            return " (no problems listed)";
        }
        return ack.problems().stream().map(Problem::code).map(ErrorCode::code).distinct()
                .collect(Collectors.joining(", ", " (", ")"));
    }
}
