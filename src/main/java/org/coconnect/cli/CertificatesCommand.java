package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists the COs the gateway holds, newest change first, filtered by side, number, partner or status. */
@Command(name = "certificates", description = "List the COs the running gateway holds (newest change first).")
final class CertificatesCommand extends LocalCommand {

    @Option(names = "--side", description = "EXPORT (issued here) or IMPORT (received).")
    String side;

    @Option(names = "--status", description = "CO status, e.g. RECEIVED, CLAIMED, ACKNOWLEDGED.")
    String status;

    @Mixin
    CertificateListFilters filters;

    @Override
    LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
        var query = new LinkedHashMap<String, String>();
        query.put("side", side);
        query.put("status", status);
        filters.addTo(query);
        return client.get("/certificates" + LocalClient.query(query));
    }

    @Override
    void print(Map<String, Object> answer, PrintWriter out) {
        List<?> certificates = answer.get("certificates") instanceof List<?> list ? list : List.of();
        if (certificates.isEmpty()) {
            out.println("No CO matches.");
            return;
        }
        var table = new Table("SIDE", "CO", "PARTNER", "STATUS", "DECLARATION", "DECISION", "UPDATED",
                "REFERENCE CODE");
        for (Object element : certificates) {
            @SuppressWarnings("unchecked")
            var c = (Map<String, Object>) element;
            table.row(c.get("side"), c.get("certificate"), c.get("partner"), c.get("status"), c.get("declarationNumber"),
                    c.get("treatmentDecision"), c.get("updatedAt"), c.get("referenceCode"));
        }
        table.print(out);
        out.println(certificates.size() + " CO version(s).");
    }
}
