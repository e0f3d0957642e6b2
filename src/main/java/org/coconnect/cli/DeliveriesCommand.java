package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** Lists the messages not delivered yet, given up after the last retry, or rejected by the partner. */
@Command(name = "deliveries", description = "List messages waiting for delivery, failed or rejected by the partner.")
final class DeliveriesCommand extends LocalCommand {

    @Override
    LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
        return client.get("/deliveries");
    }

    @Override
    void print(Map<String, Object> answer, PrintWriter out) {
        List<?> deliveries = answer.get("deliveries") instanceof List<?> list ? list : List.of();
        if (deliveries.isEmpty()) {
            out.println("Nothing waiting: every message has been delivered.");
            return;
        }
        var table = new Table("MESSAGE ID", "OPERATION", "PARTNER", "STATUS", "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR / ANSWER");
        for (Object element : deliveries) {
            @SuppressWarnings("unchecked")
            var d = (Map<String, Object>) element;
            Object outcome = d.get("lastError") != null ? d.get("lastError") : d.get("acknowledgement");
            table.row(d.get("messageId"), d.get("operation"), d.get("partner"), d.get("status"), d.get("attempts"),
                    d.get("nextAttemptAt"), outcome);
        }
        table.print(out);
        out.println(deliveries.size() + " message(s); 'coconnect resend <message ID>' sends one again now.");
    }
}
