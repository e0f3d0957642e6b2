package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** An issuing official answers a verification inquiry a partner asked of us; an inquiry has one answer. */
@Command(name = "answer", description = "Answer a verification inquiry asked of us (issuing side).")
final class AnswerCommand extends LocalCommand {

    @Parameters(index = "0", paramLabel = "<inquiryId>", description = "The inquiry's ID, as listed by 'inquiries'.")
    String inquiryId;

    @Option(names = "--answer", required = true, description = "The answer.")
    String answer;

    @Option(names = "--official", required = true, description = "Name of the official answering.")
    String official;

    @Option(names = "--office", description = "The official's office or unit.")
    String office;

    @Override
    LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
        var body = new LinkedHashMap<String, String>();
        body.put("answer", answer);
        body.put("official", official);
        if (office != null) {
            body.put("office", office);
        }
        return client.postJson(LocalClient.path("inquiries", inquiryId, "answer"), body);
    }

    @Override
    void print(Map<String, Object> answer, PrintWriter out) {
        out.println("Inquiry " + text(answer, "inquiryId") + " answered; send-inquiry-answer " + text(answer, "messageId")
                + " queued for delivery.");
    }
}
