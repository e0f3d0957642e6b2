package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The approved-exporter register of the running gateway (framework Annex IV, P.1). */
@Command(name = "exporter", description = "Manage the approved-exporter register and push the list to partners.",
        subcommands = {ExporterCommand.Register.class, ExporterCommand.Authorise.class, ExporterCommand.Deny.class,
                ExporterCommand.Revoke.class, ExporterCommand.ListExporters.class, ExporterCommand.Push.class})
final class ExporterCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** Prints one exporter as the gateway answered it. */
    static void printExporter(Map<String, Object> e, PrintWriter out) {
        out.println("Exporter " + e.get("exporterId") + " (" + e.get("name") + "): " + e.get("status")
                + (e.get("authorisationCode") == null ? "" : ", code " + e.get("authorisationCode"))
                + (e.get("validFrom") == null ? "" : ", from " + e.get("validFrom"))
                + (e.get("revokedOn") == null ? "" : ", revoked on " + e.get("revokedOn"))
                + (e.get("reason") == null ? "" : " (" + e.get("reason") + ")"));
    }

    /** A register change: each answers with the exporter as it now stands. */
    abstract static class ExporterChange extends LocalCommand {
        @Override
        void print(Map<String, Object> answer, PrintWriter out) {
            printExporter(answer, out);
        }
    }

    /** A.1: an exporter applies for approved-exporter status. */
    @Command(name = "register", description = "Register an exporter's application (status APPLIED).")
    static final class Register extends ExporterChange {
        @Parameters(index = "0", paramLabel = "<exporter-id>", description = "The exporter's identifier.")
        String exporterId;

        @Option(names = "--name", required = true, description = "The exporter's name.")
        String name;

        @Override
        LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
            return client.postJson("/exporters", Map.of("exporterId", exporterId, "name", name));
        }
    }

    /** A.3/A.4: the exporter is approved with an authorisation code; partners get the new list. */
    @Command(name = "authorise", description = "Authorise an applied exporter with an authorisation code; pushes the list.")
    static final class Authorise extends ExporterChange {
        @Parameters(index = "0", paramLabel = "<exporter-id>")
        String exporterId;

        @Option(names = "--code", required = true, description = "The authorisation code granted.")
        String code;

        @Option(names = "--from", required = true, description = "First day of validity, e.g. 2025-01-01.")
        String from;

        @Override
        LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
            return client.postJson(LocalClient.path("exporters", exporterId, "authorisation"),
                    Map.of("authorisationCode", code, "validFrom", from));
        }
    }

    /** A.5: the application is denied. */
    @Command(name = "deny", description = "Deny an exporter's application, with a reason.")
    static final class Deny extends ExporterChange {
        @Parameters(index = "0", paramLabel = "<exporter-id>")
        String exporterId;

        @Option(names = "--reason", required = true)
        String reason;

        @Override
        LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
            return client.postJson(LocalClient.path("exporters", exporterId, "denial"), Map.of("reason", reason));
        }
    }

    /** The approval ends from a date on; DOs made before stay valid. Partners get the new list. */
    @Command(name = "revoke", description = "Revoke an authorised exporter from a date on, with a reason; pushes the list.")
    static final class Revoke extends ExporterChange {
        @Parameters(index = "0", paramLabel = "<exporter-id>")
        String exporterId;

        @Option(names = "--on", required = true, description = "First day the exporter is no longer approved.")
        String on;

        @Option(names = "--reason", required = true)
        String reason;

        @Override
        LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
            return client.postJson(LocalClient.path("exporters", exporterId, "revocation"),
                    Map.of("revokedOn", on, "reason", reason));
        }
    }

    /** The whole register. */
    @Command(name = "list", description = "List the approved-exporter register.")
    static final class ListExporters extends LocalCommand {
        @Override
        LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
            return client.get("/exporters");
        }

        @Override
        void print(Map<String, Object> answer, PrintWriter out) {
            List<?> exporters = answer.get("exporters") instanceof List<?> l ? l : List.of();
            var table = new Table("EXPORTER", "NAME", "STATUS", "CODE", "FROM", "REVOKED ON");
            for (Object element : exporters) {
                @SuppressWarnings("unchecked")
                var e = (Map<String, Object>) element;
                table.row(e.get("exporterId"), e.get("name"), e.get("status"), e.get("authorisationCode"),
                        e.get("validFrom"), e.get("revokedOn"));
            }
            table.print(out);
            out.println(exporters.size() + " exporter(s).");
        }
    }

    /** Queues the current list to every partner, e.g. after a new partner was configured. */
    @Command(name = "push", description = "Queue the approved-exporter list to every partner now.")
    static final class Push extends LocalCommand {
        @Override
        LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
            return client.post("/exporter-list", "application/json", new byte[0]);
        }

        @Override
        void print(Map<String, Object> answer, PrintWriter out) {
            out.println("Approved-exporter list queued: send-approved-exporters " + answer.get("messageIds") + ".");
        }
    }
}
