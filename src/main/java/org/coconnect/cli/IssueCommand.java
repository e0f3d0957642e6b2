package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** Hands an issued CO to the running gateway, which validates it, stores it and sends it to the partner. */
@Command(name = "issue", description = "Hand an issued CO (information package XML) to the running gateway for sending.")
final class IssueCommand extends LocalCommand {

    @Parameters(index = "0", paramLabel = "<file.xml>", description = "The CO information package (XML, UTF-8).")
    Path file;

    @Override
    LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException {
        byte[] xml;
        try {
            xml = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "No such file: " + file);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Cannot read " + file + ": " + e.getMessage());
        }
        return client.post("/certificates", "application/xml", xml);
    }

    @Override
    void print(Map<String, Object> answer, PrintWriter out) {
        out.println("Issued CO " + text(answer, "certificate") + " for " + text(answer, "partner") + "; send-co "
                + text(answer, "messageId") + " queued for delivery.");
        out.println("Reference code for verification (print it on the CO): " + text(answer, "referenceCode"));
    }
}
