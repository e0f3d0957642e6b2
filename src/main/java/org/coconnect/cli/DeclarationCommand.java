package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** Declarations of Origin on the running gateway (framework Annex IV): issue one, look one up by number. */
@Command(name = "do", description = "Issue a Declaration of Origin or look one up by its identification number.",
        subcommands = {DeclarationCommand.Issue.class, DeclarationCommand.Show.class})
final class DeclarationCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** A.7-A.9: the DO is checked against the register, stored and pushed to the importing partner. */
    @Command(name = "issue", description = "Hand a DO (XML) to the gateway; its exporter must be authorised on its date.")
    static final class Issue extends LocalCommand {
        @Parameters(index = "0", paramLabel = "<file.xml>", description = "The Declaration of Origin (XML, UTF-8).")
        Path file;

        @Override
        LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
            try {
                return client.post("/declarations", "application/xml", Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                throw new ParameterException(spec.commandLine(), "No such file: " + file);
            }
        }

        @Override
        void print(Map<String, Object> answer, PrintWriter out) {
            out.println("Issued DO " + text(answer, "declaration") + " for " + text(answer, "partner") + "; send-do "
                    + text(answer, "messageId") + " queued for delivery.");
        }
    }

    /** A.15: the DO data and its check against the approved-exporter list. */
    @Command(name = "show", description = "Show the DO with this identification number and its exporter check.")
    static final class Show extends LocalCommand {
        @Parameters(index = "0", paramLabel = "<number>", description = "The DO identification number.")
        String number;

        @Override
        LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
            return client.get(LocalClient.path("declarations", number));
        }

        @Override
        void print(Map<String, Object> answer, PrintWriter out) {
            List<?> found = answer.get("declarations") instanceof List<?> l ? l : List.of();
            for (Object element : found) {
                @SuppressWarnings("unchecked")
                var d = (Map<String, Object>) element;
                out.println("DO " + d.get("declaration") + " (" + d.get("side") + ", " + d.get("partner") + ") of "
                        + d.get("declarationDate") + ", " + d.get("exportingCountry") + " -> " + d.get("importingCountry")
                        + " under " + d.get("agreementCode"));
                out.println("  exporter " + d.get("exporterId") + " " + d.get("exporterName") + ", code "
                        + d.get("authorisationCode") + " (" + d.get("exporterStatus") + ")");
                out.println("  importer " + d.get("importerName") + ", invoice " + d.get("invoiceNumber") + " of "
                        + d.get("invoiceDate"));
                if (d.get("goodsItems") instanceof List<?> items) {
                    for (Object i : items) {
                        @SuppressWarnings("unchecked")
                        var item = (Map<String, Object>) i;
                        out.println("  " + item.get("sequenceNumber") + ". HS " + item.get("hsCode") + " "
                                + item.get("description") + ", " + item.get("quantity") + " " + item.get("unitCode")
                                + ", origin " + item.get("originCountry") + " " + item.get("originCriterion"));
                    }
                }
                out.println("  check: " + d.get("check") + (d.get("checkText") == null ? "" : " " + d.get("checkText")));
            }
        }
    }
}
