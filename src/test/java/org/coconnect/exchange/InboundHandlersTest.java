package org.coconnect.exchange;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.CertificateOfOrigin;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.junit.jupiter.api.Test;

/** The handler table is complete and consistent, or the gateway does not start. */
class InboundHandlersTest {

    private static List<InboundHandler<?>> standard() {
        return new ArrayList<>(List.of(new CertificateHandler(), new CancellationNoticeHandler(null),
                new CancellationStatusHandler(), new FeedbackHandler(), new DeclarationHandler(),
                new ExporterListHandler(), new InquiryHandler(), new InquiryAnswerHandler()));
    }

    @Test
    void everyOperationHasItsHandler() {
        assertDoesNotThrow(() -> new InboundHandlers(standard()));
    }

    @Test
    void anOperationWithoutAHandlerStopsTheStart() {
        var handlers = standard();
        handlers.removeIf(h -> h.operation() == Operation.SEND_INQUIRY_ANSWER);

        var e = assertThrows(IllegalStateException.class, () -> new InboundHandlers(handlers));

        assertTrue(e.getMessage().contains("no inbound handler for send-inquiry-answer"), e.getMessage());
    }

    @Test
    void twoHandlersForOneOperationStopTheStart() {
        var handlers = standard();
        handlers.add(new FeedbackHandler());

        var e = assertThrows(IllegalStateException.class, () -> new InboundHandlers(handlers));

        assertTrue(e.getMessage().contains("two inbound handlers for send-feedback"), e.getMessage());
    }

    @Test
    void aHandlerForAnotherKindOfContentStopsTheStart() {
        var handlers = standard();
        handlers.removeIf(h -> h.operation() == Operation.SEND_FEEDBACK);
        var certificates = new CertificateHandler();
        handlers.add(new InboundHandler<CertificateOfOrigin>() {
            @Override
            public Operation operation() {
                return Operation.SEND_FEEDBACK;
            }

            @Override
            public Class<CertificateOfOrigin> contentType() {
                return CertificateOfOrigin.class;
            }

            @Override
            public List<Problem> check(CertificateOfOrigin content, RuleContext context) {
                return certificates.check(content, context);
            }

            @Override
            public InboundOutcome apply(EntityManager em, InboundMessage in, CertificateOfOrigin content, Instant now) {
                return certificates.apply(em, in, content, now);
            }
        });

        var e = assertThrows(IllegalStateException.class, () -> new InboundHandlers(handlers));

        assertTrue(e.getMessage().contains("send-feedback carries OriginTreatmentFeedback"), e.getMessage());
    }

    @Test
    void aMessageCannotCarryContentOfAnotherOperation() {
        assertThrows(IllegalArgumentException.class, () -> new InboundMessage(Operation.SEND_FEEDBACK, null,
                InboundMessage.UNREADABLE_ID, null, sampleCertificate(), List.of(), new byte[0], new byte[0], "",
                Instant.EPOCH));
    }

    private static CertificateOfOrigin sampleCertificate() {
        return new CertificateOfOrigin(new CertificateReference("KR", "N-1", 1), Instant.EPOCH,
                new AdministrationId("KR", "KCS"), "ID", "Exporter", "Importer", "AKFTA", List.of());
    }
}
