package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Asks for the cancellation of an issued CO (the applicant wants it amended); the partner is notified. */
@Command(name = "cancel", description = "Request the cancellation of an issued CO; the importing side is notified.")
final class CancelCommand extends LocalCommand {

    @Parameters(index = "0", paramLabel = "<country>", description = "Issuing country, e.g. KR.")
    String country;

    @Parameters(index = "1", paramLabel = "<number>", description = "CO number.")
    String number;

    @Parameters(index = "2", paramLabel = "<version>", description = "CO version.")
    int version;

    @Option(names = "--reason", required = true, description = "Why the CO is to be amended (sent to the partner).")
    String reason;

    @Override
    LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
        return client.postJson(LocalClient.path("certificates", country, number, version, "cancellation"),
                Map.of("reason", reason));
    }

    @Override
    void print(Map<String, Object> answer, PrintWriter out) {
        out.println("Cancellation of " + country + ":" + number + " v" + version + " requested; "
                + "send-amendment-notification " + text(answer, "messageId") + " queued for delivery.");
    }
}
