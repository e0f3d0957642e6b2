package org.coconnect.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.VerifyCertificate;
import org.coconnect.partner.Partner;
import org.coconnect.ws.generated.messages.VerifyCoRequestType;

/**
 * The Annex III lookup on the JSON API: the same checks and answer as {@link VerifyEndpoint}, the request and
 * the answer each a JWS (inside a JWE where agreed), the answer signed by us.
 */
final class JsonLookup {

    private final JsonInbound inbound;
    private final AdministrationId self;
    private final VerifyCertificate verify;
    private final Clock clock;

    JsonLookup(JsonInbound inbound, AdministrationId self, VerifyCertificate verify, Clock clock) {
        this.inbound = inbound;
        this.self = self;
        this.verify = verify;
        this.clock = clock;
    }

    String lookup(String transportPartner, byte[] body) {
        JsonInbound.Opened opened = inbound.open(transportPartner, body);
        Partner partner = opened.partner();
        JsonNode json = JsonInbound.object(partner, opened.jws());
        List<Problem> problems = JsonPayloadValidator.validateLookup(json);
        if (!problems.isEmpty()) {
            throw new GatewayFault(ErrorCode.JSON_SCHEMA_INVALID, problems.get(0).text() + " at " + problems.get(0).location());
        }
        VerifyCoRequestType request;
        try {
            request = JsonCodec.mapper().treeToValue(json, VerifyCoRequestType.class);
        } catch (JsonProcessingException e) {
            throw new GatewayFault(ErrorCode.JSON_SCHEMA_INVALID, "verify-co cannot be read: " + e.getOriginalMessage());
        }
        MessageHeader header = InboundMapper.header(request.getMessageHeader());
        if (!header.receiver().equals(self)) {
            throw new GatewayFault(ErrorCode.RECEIVER_NOT_US, "verify-co addressed to " + header.receiver());
        }
        if (!header.sender().equals(partner.administration())) {
            throw new GatewayFault(ErrorCode.SENDER_NOT_SIGNER, "verify-co from " + header.sender() + " signed by "
                    + partner.id());
        }
        var found = verify.verify(VerifyCertificate.Requester.partner(partner.id()), request.getIssuingCountryCode().value(),
                request.getCertificateNumber(), request.getReferenceCode());
        var answerHeader = new MessageHeader(UUID.randomUUID(), self, partner.administration(), clock.instant(),
                header.messageId(), MessageHeader.SCHEMA_VERSION);
        return inbound.seal(partner, JsonCodec.mapper().valueToTree(VerificationMapper.response(answerHeader, found)));
    }
}
