package org.coconnect.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.coconnect.Gateway;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Operation;
import org.coconnect.exchange.IssueDeclaration;
import org.coconnect.exchange.RejectionException;
import org.coconnect.persistence.OutboxEntity;
import org.coconnect.ws.DeclarationReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.RequestBuilder;
import org.coconnect.ws.SampleDeclaration;

/**
 * The demo's Declaration of Origin story (framework Annex IV): the exporting side registers and
 * authorises an exporter and pushes its list, the exporter's DO is pushed and accepted, the importing
 * side looks it up by number; then a DO of a revoked exporter is refused on both sides.
 */
final class DeclarationStory {

    private final Gateway exporter;
    private final Gateway importer;
    private final Timeline timeline;
    private final String prefix;
    private final String exp;
    private final String imp;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    DeclarationStory(Gateway exporter, Gateway importer, Timeline timeline, String prefix) {
        this.exporter = exporter;
        this.importer = importer;
        this.timeline = timeline;
        this.prefix = prefix;
        this.exp = exporter.config().selfId();
        this.imp = importer.config().selfId();
    }

    void run() throws Exception {
        String approved = prefix + "-AE-1";
        String revoked = prefix + "-AE-2";
        authorise(approved, "Hanbit Polymers Co., Ltd.", "AUTH-" + prefix + "-1", today.minusDays(30));
        awaitList();
        String number = prefix + "-DO-1";
        issue(number, approved, "AUTH-" + prefix + "-1");
        var found = importer.useCases().queryDeclarations().find(number).get(0);
        timeline.event(imp, "customs look up DO " + number + " from a declaration (A.15): exporter "
                + found.declaration().exporterId() + ", " + found.declaration().goodsItems().size() + " goods item(s), check "
                + found.checkResult());

        authorise(revoked, "Daehan Steel Wire Co.", "AUTH-" + prefix + "-2", today.minusDays(60));
        exporter.useCases().exporterRegistry().revoke(revoked, today.minusDays(3), "Failed an origin verification");
        timeline.event(exp, "revoked exporter " + revoked + " from " + today.minusDays(3) + "; list queued");
        awaitList();
        String late = SampleDeclaration.create(prefix + "-DO-2", revoked, "AUTH-" + prefix + "-2", today);
        try {
            var read = DeclarationReader.read(late);
            exporter.useCases().issueDeclaration().issue(read.declaration(), read.xml());
        } catch (RejectionException e) {
            timeline.event(exp, "refuses to issue DO " + prefix + "-DO-2 of the revoked exporter: "
                    + e.problems().get(0).code().code() + " " + e.problems().get(0).text());
        }
        var header = new MessageHeader(UUID.randomUUID(), exporter.config().self(), importer.config().self(),
                Instant.now(), null, MessageHeader.SCHEMA_VERSION);
        Acknowledgement ack = exporter.client(imp).send(Operation.SEND_DO,
                RequestBuilder.sendDo(header, OutboundPayloadWriter.parse(late)), header.messageId());
        timeline.event(exp, "pushed past that check anyway (as a faulty exporting system might): " + ack.status() + " "
                + ack.problems().get(0).code().code() + " " + ack.problems().get(0).text());
        timeline.event(imp, "stores nothing of it but the rejection record");
    }

    private void authorise(String exporterId, String name, String code, LocalDate from) {
        exporter.useCases().exporterRegistry().register(exporterId, name);
        timeline.event(exp, "exporter " + exporterId + " (" + name + ") applies for approved-exporter status (A.1)");
        exporter.useCases().exporterRegistry().authorise(exporterId, code, from);
        timeline.event(exp, "authorised " + exporterId + " with code " + code + " from " + from
                + " (A.3, A.4); send-approved-exporters queued");
    }

    private void awaitList() {
        DemoStory.await(() -> exporter.outbox().undelivered().stream()
                .noneMatch(o -> o.operation().equals(Operation.SEND_APPROVED_EXPORTERS.pathName())) ? Boolean.TRUE : null,
                "the approved-exporter list");
        timeline.event(imp, "holds " + exp + "'s approved-exporter list");
    }

    private void issue(String number, String exporterId, String code) {
        var read = DeclarationReader.read(SampleDeclaration.create(number, exporterId, code, today.minusDays(1)));
        IssueDeclaration.Issued issued = exporter.useCases().issueDeclaration().issue(read.declaration(), read.xml());
        timeline.event(exp, "exporter " + exporterId + " made DO " + number + "; checked against the register, send-do "
                + issued.messageId() + " queued (A.7-A.9)");
        OutboxEntity sent = DemoStory.awaitDelivery(exporter, issued.messageId().toString());
        timeline.event(exp, "send-do answered " + sent.ackStatus());
    }
}
