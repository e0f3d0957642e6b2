package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists verification inquiries, open ones by default, oldest first, each with how long it has been open. */
@Command(name = "inquiries", description = "List verification inquiries (open ones unless --status or --all), oldest first.")
final class InquiriesCommand extends LocalCommand {

    @Option(names = "--side", description = "IMPORT (asked by us) or EXPORT (asked of us).")
    String side;

    @Option(names = "--status", description = "OPEN (the default), ANSWERED or REFUSED.")
    String status;

    @Option(names = "--all", description = "Every status.")
    boolean all;

    @Mixin
    CertificateListFilters filters;

    @Override
    LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
        var query = new LinkedHashMap<String, String>();
        query.put("side", side);
        query.put("status", all ? null : status == null ? "OPEN" : status);
        filters.addTo(query);
        return client.get("/inquiries" + LocalClient.query(query));
    }

    @Override
    void print(Map<String, Object> answer, PrintWriter out) {
        List<?> inquiries = answer.get("inquiries") instanceof List<?> list ? list : List.of();
        if (inquiries.isEmpty()) {
            out.println("No inquiry matches.");
            return;
        }
        var table = new Table("INQUIRY ID", "SIDE", "CO", "PARTNER", "STATUS", "OPEN FOR", "ASKED BY", "QUESTION");
        for (Object element : inquiries) {
            @SuppressWarnings("unchecked")
            var i = (Map<String, Object>) element;
            table.row(i.get("inquiryId"), i.get("side"), i.get("certificate"), i.get("partner"), i.get("status"),
                    forPeople(i.get("openFor")), i.get("askedBy"), i.get("question"));
        }
        table.print(out);
        out.println(inquiries.size() + " inquiry(ies); 'coconnect inquiry <inquiry ID>' shows one with its answer and CO.");
    }

    /** An ISO-8601 duration as "2d 3h 5m". */
    static String forPeople(Object iso) {
        if (iso == null) {
            return null;
        }
        Duration d = Duration.parse(iso.toString());
        return (d.toDays() > 0 ? d.toDays() + "d " : "") + d.toHoursPart() + "h " + d.toMinutesPart() + "m";
    }
}
