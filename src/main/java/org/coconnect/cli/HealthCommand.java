package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * The running gateway's health as a probe reads it: the container image's HEALTHCHECK, a Kubernetes exec probe or a
 * monitoring script. Exit code 0 while the gateway serves (UP, or DEGRADED: it still exchanges, and a restart would
 * not mend an expired certificate or a stuck partner), 1 otherwise: DOWN, not reachable, or not configured. A probe
 * knows only 0 and 1 (Docker reserves 2), so unlike the other local commands this one never exits 2.
 */
@Command(name = "health", description = "Print the running gateway's health (database, backlog, certificates) "
        + "and exit 0 while it serves (UP or DEGRADED), 1 when it is DOWN or cannot be reached: the container "
        + "image's health check.")
final class HealthCommand extends LocalCommand {

    static final int UNHEALTHY = 1;

    @Override
    public Integer call() {
        return super.call() == 0 ? 0 : UNHEALTHY;
    }

    @Override
    LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
        return client.get("/health");
    }

    @Override
    int answered(LocalClient.Answer answer, PrintWriter out, PrintWriter err) {
        // A DOWN gateway answers 503 with the same snapshot: print it either way, as the probe's log shows it.
        Object status = answer.object().get("status");
        if (status == null) {
            return super.answered(answer, out, err);
        }
        print(answer.object(), out);
        out.flush();
        return "UP".equals(status) || "DEGRADED".equals(status) ? 0 : UNHEALTHY;
    }

    @Override
    void print(Map<String, Object> answer, PrintWriter out) {
        out.println(answer.get("status") + " (checked at " + answer.get("checkedAt") + "; outbox pending: "
                + answer.get("outboxPending") + ")");
        List<?> problems = answer.get("problems") instanceof List<?> list ? list : List.of();
        for (Object problem : problems) {
            out.println("  " + problem);
        }
    }
}
