package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** Lists the newest alerts: rejections both ways, refusals, retry exhaustion, stuck messages, expiring certificates. */
@Command(name = "alerts", description = "List the newest alerts (at most 100), newest first.")
final class AlertsCommand extends LocalCommand {

    @Override
    LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
        return client.get("/alerts");
    }

    @Override
    void print(Map<String, Object> answer, PrintWriter out) {
        List<?> alerts = answer.get("alerts") instanceof List<?> list ? list : List.of();
        if (alerts.isEmpty()) {
            out.println("No alerts.");
            return;
        }
        var table = new Table("RAISED AT", "CODE", "COUNT", "LAST SEEN", "PARTNER", "MESSAGE ID", "DETAIL");
        for (Object element : alerts) {
            @SuppressWarnings("unchecked")
            var a = (Map<String, Object>) element;
            table.row(a.get("raisedAt"), a.get("code"), a.get("count"), a.get("lastSeenAt"), a.get("partner"),
                    a.get("messageId"), a.get("detail"));
        }
        table.print(out);
    }
}
