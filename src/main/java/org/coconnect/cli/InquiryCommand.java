package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Shows one verification inquiry: question, answer and the CO it is about. */
@Command(name = "inquiry", description = "Show one verification inquiry with its answer and its CO.")
final class InquiryCommand extends LocalCommand {

    @Parameters(index = "0", paramLabel = "<inquiryId>", description = "The inquiry's ID.")
    String inquiryId;

    @Override
    LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
        return client.get(LocalClient.path("inquiries", inquiryId));
    }

    @Override
    void print(Map<String, Object> answer, PrintWriter out) {
        @SuppressWarnings("unchecked")
        var co = answer.get("certificate") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
        out.println("Inquiry   " + text(answer, "inquiryId") + " (" + text(answer, "side") + " side, partner "
                + text(answer, "partner") + "): " + text(answer, "status") + ", open for "
                + InquiriesCommand.forPeople(answer.get("openFor")));
        out.println("CO        " + co.get("certificate") + " " + co.get("status") + ", exporter " + co.get("exporterName")
                + ", importer " + co.get("importerName") + ", issued " + co.get("issuedAt"));
        out.println("Question  " + text(answer, "question"));
        out.println("          asked by " + official(answer, "askedBy", "askedOffice") + " on " + text(answer, "askedAt"));
        if (answer.get("answer") != null) {
            out.println("Answer    " + text(answer, "answer"));
            out.println("          answered by " + official(answer, "answeredBy", "answeredOffice") + " on "
                    + text(answer, "answeredAt"));
        } else {
            out.println("Answer    (none yet)");
        }
    }

    private static String official(Map<String, Object> answer, String name, String office) {
        return answer.get(office) == null ? text(answer, name) : text(answer, name) + " (" + text(answer, office) + ")";
    }
}
