package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;

/** Asks the running gateway to read its configuration again and apply it without a restart. */
@Command(name = "reload", description = "Reload partners, their certificates, trust anchors, CRLs, credentials,"
        + " allowlists and our TLS key without a restart; a bad configuration is refused whole (CC-3102), naming"
        + " the file and key, and the running one stays.")
final class ReloadCommand extends LocalCommand {

    @Override
    LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
        return client.post(LocalClient.path("reload"), "application/json", new byte[0]);
    }

    @Override
    void print(Map<String, Object> answer, PrintWriter out) {
        out.println("Configuration reloaded. Partners: " + answer.get("partners") + "; added: " + answer.get("added")
                + "; removed: " + answer.get("removed") + ".");
        if (answer.get("needRestart") instanceof java.util.List<?> restart && !restart.isEmpty()) {
            out.println("Changed, but only in force after a restart: " + restart);
        }
    }
}
