package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.InquiryAnswer;
import org.coconnect.domain.InquiryRules;
import org.coconnect.domain.InquiryStatus;
import org.coconnect.domain.Official;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.domain.VerificationInquiry;
import org.coconnect.error.ErrorCode;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.InquiryEntity;
import org.coconnect.persistence.InquiryStore;

/**
 * Verification inquiries between officials, as our officials use them: an importing official asks
 * about a CO received from a partner, an issuing official answers an inquiry asked of us, and both
 * read them. The inquiry or answer and the message that carries it commit in one transaction.
 */
public final class VerificationInquiries {

    /** What asking queued: the new inquiry's ID, the message carrying it and the partner it goes to. */
    public record Asked(UUID inquiryId, UUID messageId, String partnerId, CertificateReference certificate) {
    }

    private final Database database;
    private final PartnerDirectory partners;
    private final Outgoing outgoing;
    private final Clock clock;

    public VerificationInquiries(Database database, PartnerDirectory partners, Outgoing outgoing, Clock clock) {
        this.database = database;
        this.partners = partners;
        this.outgoing = outgoing;
        this.clock = clock;
    }

    /** Asks the partner that sent us this CO; refused with CC-5005 for a CO not received here. */
    public Asked ask(CertificateReference certificate, String question, Official askedBy) {
        return database.inTransaction(em -> {
            var now = clock.instant();
            CertificateEntity co = CertificateTransitions.find(em, CertificateSide.IMPORT, certificate, null);
            var inquiry = new VerificationInquiry(UUID.randomUUID(), certificate, question, askedBy, now);
            reject(InquiryRules.check(inquiry, now, Duration.ZERO, null));
            var to = partners.byId(co.partnerId()).orElseThrow().administration();
            UUID messageId = outgoing.message(em, new Outgoing.PartnerRef(co.partnerId(), to),
                    Operation.SEND_VERIFICATION_INQUIRY, co.id(), inquiry, null);
            em.persist(new InquiryEntity(inquiry.inquiryId().toString(), CertificateSide.IMPORT, co.partnerId(),
                    co.id(), InquiryStatus.OPEN, question, askedBy.name(), askedBy.office(), now,
                    messageId.toString(), now));
            return new Asked(inquiry.inquiryId(), messageId, co.partnerId(), certificate);
        });
    }

    /**
     * Answers an inquiry a partner asked of us; the answer goes back to that partner. Refused with
     * CC-5201 for an inquiry not asked of us, CC-5202 for one already answered.
     */
    public UUID answer(UUID inquiryId, String answer, Official answeredBy) {
        return database.inTransaction(em -> {
            var now = clock.instant();
            InquiryEntity inquiry = askedOfUs(em, inquiryId);
            CertificateEntity co = em.find(CertificateEntity.class, inquiry.certificateId());
            CertificateReference ref = CertificateTransitions.reference(co);
            reject(InquiryRules.answerable(inquiryId.toString(), inquiry.status(), ref, ref, null));
            var message = new InquiryAnswer(inquiryId, ref, answer, answeredBy, now);
            var to = partners.byId(inquiry.partnerId()).orElseThrow().administration();
            UUID messageId = outgoing.message(em, new Outgoing.PartnerRef(inquiry.partnerId(), to),
                    Operation.SEND_INQUIRY_ANSWER, co.id(), message, UUID.fromString(inquiry.inquiryMessageId()));
            inquiry.recordAnswer(InquiryStatus.ANSWERED, answer, answeredBy.name(), answeredBy.office(), now,
                    messageId.toString(), now);
            return messageId;
        });
    }

    /** Filters may be null (any); oldest question first, at most {@code limit}. */
    public List<InquiryView> list(CertificateSide side, InquiryStatus status, String partnerId, String number, int limit) {
        var now = clock.instant();
        return database.inTransaction(em -> InquiryStore.search(em, side, status, partnerId, number, limit).stream()
                .map(row -> InquiryView.of((InquiryEntity) row[0], (CertificateEntity) row[1], now)).toList());
    }

    /** One inquiry with its CO. */
    public Optional<InquiryView> find(UUID inquiryId) {
        var now = clock.instant();
        return database.inTransaction(em -> InquiryStore.byInquiryId(em, inquiryId.toString()).stream().findFirst()
                .map(i -> InquiryView.of(i, em.find(CertificateEntity.class, i.certificateId()), now)));
    }

    private static InquiryEntity askedOfUs(EntityManager em, UUID inquiryId) {
        return InquiryStore.findForUpdate(em, CertificateSide.EXPORT, inquiryId.toString())
                .orElseThrow(() -> new RejectionException(Problem.error(ErrorCode.UNKNOWN_INQUIRY,
                        InquiryStore.findForUpdate(em, CertificateSide.IMPORT, inquiryId.toString()).isPresent()
                                ? "Verification inquiry " + inquiryId + " was asked by us; only the issuing side answers it."
                                : "No verification inquiry " + inquiryId + " has been asked of us.", null)));
    }

    private static void reject(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new RejectionException(problems);
        }
    }
}
