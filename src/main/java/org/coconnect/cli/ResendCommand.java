package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Makes a failed, rejected or waiting message due now, with the same message ID. */
@Command(name = "resend", description = "Send a failed, rejected or waiting message again now (same message ID).")
final class ResendCommand extends LocalCommand {

    @Parameters(index = "0", paramLabel = "<messageId>", description = "The message ID, as listed by 'deliveries'.")
    String messageId;

    @Override
    LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
        return client.post(LocalClient.path("deliveries", messageId, "resend"), "application/json", new byte[0]);
    }

    @Override
    void print(Map<String, Object> answer, PrintWriter out) {
        out.println("Message " + text(answer, "messageId") + " is due for delivery now.");
    }
}
