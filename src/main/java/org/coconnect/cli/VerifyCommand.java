package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Asks the issuing country's gateway about a CO by number and reference code (Annex III, import side). */
@Command(name = "verify", description = "Verify a CO at the issuing country's gateway by CO number and reference code.")
final class VerifyCommand extends LocalCommand {

    @Parameters(index = "0", paramLabel = "<country>", description = "Issuing country of the CO, e.g. KR.")
    String country;

    @Parameters(index = "1", paramLabel = "<number>", description = "CO number.")
    String number;

    @Parameters(index = "2", paramLabel = "<reference-code>", description = "Reference code printed on the CO.")
    String referenceCode;

    @Override
    LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
        return client.postJson("/verifications",
                Map.of("issuingCountry", country, "certificateNumber", number, "referenceCode", referenceCode));
    }

    @Override
    void print(Map<String, Object> answer, PrintWriter out) {
        if (!"FOUND".equals(answer.get("outcome"))) {
            out.println("NOT FOUND: " + country + " has no CO " + number + " with this reference code.");
            return;
        }
        String status = text(answer, "status");
        if ("SUPERSEDED".equals(status)) {
            status += " by version " + text(answer, "latestVersion");
        }
        out.println("CO " + text(answer, "certificate") + ": " + status);
        out.println("  issued " + text(answer, "issuedAt") + ", exporter " + text(answer, "exporterName")
                + ", importer " + text(answer, "importerName") + " (" + text(answer, "importingCountry") + ")");
        out.println("  agreement " + text(answer, "agreementCode") + ", " + text(answer, "goodsItems") + " goods item(s)");
        if (answer.get("cancellationReason") != null) {
            out.println("  cancellation reason: " + text(answer, "cancellationReason"));
        }
    }
}
