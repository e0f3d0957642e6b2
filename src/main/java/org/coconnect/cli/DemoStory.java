package org.coconnect.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.coconnect.Gateway;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.Official;
import org.coconnect.domain.Operation;
import org.coconnect.domain.OriginTreatmentFeedback;
import org.coconnect.exchange.IssueCertificate;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.OutboxEntity;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;

/**
 * The demo's story between an exporting gateway and an importing one: issue and push, a duplicate
 * retry, claim and feedback, amendment by cancellation and re-issue, verification lookups (Annex III),
 * a declined cancellation, a partner outage with recovery, and a verification inquiry answered between
 * officials; then the Declaration of Origin story (DeclarationStory, Annex IV).
 */
final class DemoStory {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Gateway exporter;
    private final Supplier<Gateway> importerStarter;
    private Gateway importer;
    private final Timeline timeline;
    private final String exp;
    private final String imp;
    private final String prefix = "DEMO-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();

    DemoStory(Gateway exporter, Supplier<Gateway> importerStarter, Timeline timeline) {
        this.exporter = exporter;
        this.importerStarter = importerStarter;
        this.importer = importerStarter.get();
        this.timeline = timeline;
        this.exp = exporter.config().selfId();
        this.imp = importer.config().selfId();
    }

    Gateway importer() {
        return importer;
    }

    void run() throws Exception {
        timeline.chapter("1. Issue and push (trigger T1)");
        IssueCertificate.Issued first = issue(prefix + "-1", 1);
        var co1 = first.certificate();
        timeline.chapter("2. A retry of the same message is answered DUPLICATE");
        retrySameMessage(first);
        timeline.chapter("3. Claim and origin-based treatment feedback (trigger T3)");
        claimAndGrant(co1, "DECL-" + prefix + "-A");
        timeline.chapter("4. Amendment: cancellation accepted, amended CO re-issued (trigger T2)");
        IssueCertificate.Issued amended = issue(prefix + "-2", 1);
        var co2 = amended.certificate();
        cancel(co2, "Exporter corrected the invoice number", CertificateState.CANCELLED);
        IssueCertificate.Issued reissued = issue(prefix + "-2", 2);
        timeline.chapter("5. Verification lookup (Annex III): customs check a CO by number and reference code");
        verify(amended, amended.referenceCode());
        verify(reissued, reissued.referenceCode());
        verify(reissued, "WRONG00000");
        exporter.verificationPortalUrl().ifPresent(url -> timeline.event(exp, "officers verify in a browser at " + url));
        timeline.chapter("6. A cancellation of a CO already used in a claim is declined");
        cancel(co1, "Exporter wants to change the consignee", CertificateState.ACKNOWLEDGED);
        timeline.chapter("7. Partner outage and recovery");
        outageAndRecovery();
        timeline.chapter("8. A verification inquiry between officials, and its answer");
        inquiry(co1);
        timeline.chapter("9. Declarations of Origin from approved exporters (Annex IV)");
        new DeclarationStory(exporter, importer, timeline, prefix).run();
    }

    private IssueCertificate.Issued issue(String number, int version) {
        String xml = OutboundPayloadWriter.text(SampleCertificate.create(number, version, exporter.config().self().countryCode(),
                importer.config().self().countryCode(), 3, Instant.now().minusSeconds(60)));
        var read = CertificateReader.read(xml);
        IssueCertificate.Issued issued = exporter.useCases().issueCertificate().issue(read.certificate(), read.xml());
        timeline.event(exp, "issued CO " + issued.certificate() + "; send-co " + issued.messageId() + " queued");
        OutboxEntity sent = awaitDelivery(exporter, issued.messageId().toString());
        timeline.event(exp, "send-co " + issued.messageId() + " answered " + sent.ackStatus() + " after "
                + sent.attempts() + " attempt(s)");
        timeline.event(imp, "holds " + issued.certificate() + " as " + state(importer, CertificateSide.IMPORT, issued.certificate()));
        return issued;
    }

    /** The importing side asks the exporting side's gateway (verify-co) about a CO it was given. */
    private void verify(IssueCertificate.Issued issued, String code) {
        CertificateReference co = issued.certificate();
        var answer = importer.useCases().verifyAtPartner().verify(co.issuingCountry(), co.number(), code);
        timeline.event(imp, "verify-co " + co.issuingCountry() + ":" + co.number() + " with code " + code + ": "
                + answer.map(v -> "FOUND " + v.reference() + ", " + v.status()
                        + (v.status() == org.coconnect.domain.VerificationStatus.SUPERSEDED
                        ? " by version " + v.latestVersion() : "")).orElse("NOT_FOUND"));
    }

    private void retrySameMessage(IssueCertificate.Issued issued) throws Exception {
        CertificateReference co = issued.certificate();
        OutboxEntity original = exporter.outbox().byMessageId(issued.messageId().toString()).orElseThrow();
        Acknowledgement again = exporter.client(original.partnerId()).send(Operation.SEND_CO,
                OutboundPayloadWriter.parse(original.payload()), UUID.fromString(original.messageId()));
        timeline.event(exp, "re-sent send-co " + original.messageId() + " (freshly signed, same message ID): "
                + again.status() + ", original receipt " + again.receivedAt());
        timeline.event(imp, "still one copy of the message and of " + co);
    }

    private void claimAndGrant(CertificateReference co, String declaration) {
        importer.useCases().claimPreference().claim(co.issuingCountry(), co.number(), declaration);
        timeline.event(imp, "declaration " + declaration + " claims preference on " + co + ": "
                + state(importer, CertificateSide.IMPORT, co));
        UUID feedback = importer.useCases().decideTreatment().decide(co, OriginTreatmentFeedback.Decision.GRANTED, null);
        timeline.event(imp, "granted preferential treatment; send-feedback " + feedback + " queued");
        awaitDelivery(importer, feedback.toString());
        CertificateEntity exported = row(exporter, CertificateSide.EXPORT, co);
        timeline.event(exp, "feedback received: " + exported.treatmentDecision() + " for declaration "
                + exported.declarationNumber());
    }

    private void cancel(CertificateReference co, String reason, CertificateState expectedExportState) {
        UUID notice = exporter.useCases().requestCancellation().request(co, reason);
        timeline.event(exp, "applicant asked to amend " + co + "; send-amendment-notification " + notice + " queued");
        awaitDelivery(exporter, notice.toString());
        timeline.event(imp, "notification received; " + co + " is now " + state(importer, CertificateSide.IMPORT, co)
                + "; send-cancellation-status queued");
        await(() -> expectedExportState == state(exporter, CertificateSide.EXPORT, co), "the cancellation status");
        CertificateEntity exported = row(exporter, CertificateSide.EXPORT, co);
        timeline.event(exp, "cancellation status received: " + co + " is " + exported.state()
                + (exported.decisionReason() == null ? "" : " (" + exported.decisionReason() + ")"));
    }

    private void outageAndRecovery() {
        timeline.event(imp, "gateway stopped (planned outage)");
        importer.close();
        String number = prefix + "-3";
        String xml = OutboundPayloadWriter.text(SampleCertificate.create(number, 1, exporter.config().self().countryCode(),
                importer.config().self().countryCode(), 1, Instant.now().minusSeconds(60)));
        var read = CertificateReader.read(xml);
        var issued = exporter.useCases().issueCertificate().issue(read.certificate(), read.xml());
        timeline.event(exp, "issued CO " + issued.certificate() + "; send-co " + issued.messageId() + " queued");
        OutboxEntity failed = await(() -> exporter.outbox().byMessageId(issued.messageId().toString())
                .filter(o -> o.attempts() > 0).orElse(null), "the first attempt");
        timeline.event(exp, "attempt 1 failed (" + failed.lastError() + "); next attempt scheduled at "
                + failed.nextAttemptAt() + " (the framework's 10-minute mark)");
        importer = importerStarter.get();
        timeline.event(imp, "gateway back");
        exporter.outbox().resend(issued.messageId().toString());
        timeline.event(exp, "operator resends " + issued.messageId() + " now instead of waiting for the mark");
        OutboxEntity sent = awaitDelivery(exporter, issued.messageId().toString());
        timeline.event(exp, "send-co answered " + sent.ackStatus() + " after " + sent.attempts() + " attempts");
        timeline.event(imp, "holds " + issued.certificate() + " as " + state(importer, CertificateSide.IMPORT, issued.certificate()));
    }

    /** The importing official asks about a received CO; the issuing official answers; both sides keep both. */
    private void inquiry(CertificateReference co) {
        var asked = importer.useCases().verificationInquiries().ask(co, "Please explain the origin criterion of goods item 2.",
                new Official("Siti Rahma", "KPPBC Tanjung Priok"));
        timeline.event(imp, "official asks about " + co + ": inquiry " + asked.inquiryId()
                + "; send-verification-inquiry " + asked.messageId() + " queued");
        awaitDelivery(importer, asked.messageId().toString());
        var open = exporter.useCases().verificationInquiries().find(asked.inquiryId()).orElseThrow();
        timeline.event(exp, "inquiry " + open.inquiryId() + " from " + open.askedBy() + " is " + open.status()
                + " with " + co + " ('coconnect inquiries' lists it with its age)");
        UUID answer = exporter.useCases().verificationInquiries().answer(asked.inquiryId(),
                "Item 2 meets RVC 40; the exporter's cost statement was verified.", new Official("Kim Min-jun", null));
        timeline.event(exp, "official answers; send-inquiry-answer " + answer + " queued");
        awaitDelivery(exporter, answer.toString());
        var closed = importer.useCases().verificationInquiries().find(asked.inquiryId()).orElseThrow();
        timeline.event(imp, "inquiry " + closed.inquiryId() + " is " + closed.status() + " by " + closed.answeredBy()
                + ": " + closed.answer());
    }

    static OutboxEntity awaitDelivery(Gateway from, String messageId) {

        return await(() -> from.outbox().byMessageId(messageId)
                .filter(o -> o.status() != OutboxEntity.Status.PENDING).orElse(null), "delivery of " + messageId);
    }

    static <T> T await(Supplier<T> condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            T value = condition.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }

    private static CertificateState state(Gateway g, CertificateSide side, CertificateReference co) {
        return row(g, side, co).state();
    }

    private static CertificateEntity row(Gateway g, CertificateSide side, CertificateReference co) {
        return g.useCases().queryCertificates().find(side, co).orElseThrow(() -> new IllegalStateException("no " + co + " at " + g.config().selfId()));
    }
}
