package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Searches the journal of exchanged messages, with the filters of GET /journal. */
@Command(name = "journal", description = "Search the messages exchanged with partners, both directions, newest first.")
final class JournalCommand extends LocalCommand {

    @Mixin
    CertificateListFilters filters;

    @Option(names = "--operation", description = "Operation, e.g. send-co.")
    String operation;

    @Option(names = "--status", description = "The answer (ACCEPTED, REJECTED, ...) or delivery status (PENDING, FAILED).")
    String status;

    @Option(names = "--direction", description = "INBOUND (received) or OUTBOUND (sent).")
    String direction;

    @Option(names = "--from", description = "Only messages at or after this instant, e.g. 2025-03-14T00:00:00Z.")
    String from;

    @Option(names = "--to", description = "Only messages before this instant.")
    String to;

    @Option(names = "--offset", description = "Entries to skip (paging; the answer says the next offset).")
    String offset;

    @Override
    LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
        var query = new LinkedHashMap<String, String>();
        query.put("operation", operation);
        query.put("status", status);
        query.put("direction", direction);
        query.put("from", from);
        query.put("to", to);
        query.put("offset", offset);
        filters.addTo(query);
        return client.get("/journal" + LocalClient.query(query));
    }

    @Override
    void print(Map<String, Object> answer, PrintWriter out) {
        List<?> entries = answer.get("entries") instanceof List<?> list ? list : List.of();
        if (entries.isEmpty()) {
            out.println("No message matches.");
            return;
        }
        var table = new Table("AT", "DIRECTION", "PARTNER", "OPERATION", "MESSAGE", "STATUS", "CO", "ATTEMPTS", "PROBLEMS");
        for (Object element : entries) {
            @SuppressWarnings("unchecked")
            var e = (Map<String, Object>) element;
            List<?> problems = e.get("problems") instanceof List<?> p ? p : List.of();
            table.row(e.get("at"), e.get("direction"), e.get("partner"), e.get("operation"), e.get("messageId"),
                    e.get("status"), e.get("certificate"), e.get("attempts"), problems.stream()
                            .map(p -> String.valueOf(((Map<?, ?>) p).get("code"))).distinct().toList());
        }
        table.print(out);
        Object next = answer.get("nextOffset");
        out.println(entries.size() + " message(s)" + (next == null ? "." : "; more with --offset " + next + "."));
    }
}
