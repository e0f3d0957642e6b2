package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** An importing official asks the issuing side about a received CO; the answer comes back with the CO. */
@Command(name = "ask", description = "Send a verification inquiry about a received CO to its issuing side (import side).")
final class AskCommand extends LocalCommand {

    @Mixin
    CertificateVersionParameters co;

    @Option(names = "--question", required = true, description = "The question, e.g. \"Please explain the origin criterion of item 2\".")
    String question;

    @Option(names = "--official", required = true, description = "Name of the official asking.")
    String official;

    @Option(names = "--office", description = "The official's office or unit.")
    String office;

    @Override
    LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
        var body = new LinkedHashMap<String, String>();
        body.put("question", question);
        body.put("official", official);
        if (office != null) {
            body.put("office", office);
        }
        return client.postJson(co.path("inquiries"), body);
    }

    @Override
    void print(Map<String, Object> answer, PrintWriter out) {
        out.println("Inquiry " + text(answer, "inquiryId") + " about CO " + text(answer, "certificate") + " asked of "
                + text(answer, "partner") + "; send-verification-inquiry " + text(answer, "messageId")
                + " queued for delivery.");
    }
}
