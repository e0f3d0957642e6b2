package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Asks for the cancellation of an issued CO (the applicant wants it amended); the partner is notified. */
@Command(name = "cancel", description = "Request the cancellation of an issued CO; the importing side is notified.")
final class CancelCommand extends LocalCommand {

    @Mixin
    CertificateVersionParameters co;

    @Option(names = "--reason", required = true, description = "Why the CO is to be amended (sent to the partner).")
    String reason;

    @Override
    LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
        return client.postJson(co.path("cancellation"),
                Map.of("reason", reason));
    }

    @Override
    void print(Map<String, Object> answer, PrintWriter out) {
        out.println("Cancellation of " + co + " requested; "
                + "send-amendment-notification " + text(answer, "messageId") + " queued for delivery.");
    }
}
