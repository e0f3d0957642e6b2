package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Records that a customs declaration claims origin-based treatment on a received CO. */
@Command(name = "claim", description = "Record that a customs declaration claims preference on a CO (import side).")
final class ClaimCommand extends LocalCommand {

    @Parameters(index = "0", paramLabel = "<country>", description = "Issuing country of the CO, e.g. KR.")
    String country;

    @Parameters(index = "1", paramLabel = "<number>", description = "CO number.")
    String number;

    @Parameters(index = "2", paramLabel = "<declaration>", description = "Customs declaration number.")
    String declaration;

    @Override
    LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
        return client.postJson("/claims",
                Map.of("issuingCountry", country, "certificateNumber", number, "declarationNumber", declaration));
    }

    @Override
    void print(Map<String, Object> answer, PrintWriter out) {
        if (answer.containsKey("claimed")) {
            out.println("Declaration " + declaration + " claims preference on CO " + text(answer, "claimed") + ".");
        } else {
            out.println("CO " + country + ":" + number + " has not arrived yet; the claim by declaration " + declaration
                    + " is kept and applied when it arrives.");
        }
    }
}
