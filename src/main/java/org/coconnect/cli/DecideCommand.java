package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coconnect.domain.OriginTreatmentFeedback;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Records the decision on origin-based treatment for a claimed CO; the exporting side gets feedback. */
@Command(name = "decide", description = "Grant or reject origin-based treatment on a claimed CO (import side).")
final class DecideCommand extends LocalCommand {

    @Mixin
    CertificateVersionParameters co;

    @Parameters(index = "3", paramLabel = "GRANTED|REJECTED", description = "The decision.")
    OriginTreatmentFeedback.Decision decision;

    @Option(names = "--reason", description = "Why; required when the treatment is rejected.")
    String reason;

    @Override
    LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
        var body = new LinkedHashMap<String, String>();
        body.put("decision", decision.name());
        if (reason != null) {
            body.put("reason", reason);
        }
        return client.postJson(co.path("treatment"), body);
    }

    @Override
    void print(Map<String, Object> answer, PrintWriter out) {
        out.println("Treatment " + decision + " recorded for " + co
                + "; send-feedback " + text(answer, "messageId") + " queued for delivery.");
    }
}
