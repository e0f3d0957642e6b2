package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.coconnect.config.LocalScope;
import org.coconnect.security.PrivateFiles;
import org.coconnect.security.RandomSecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Creates a client of the local interface: a random credential, printed once for the client's system, and its
 * SHA-256 with the scopes appended to the clients file (created 0600). The gateway reads it at its next start.
 */
@Command(name = "local-client", description = "Create a client of the local interface: print its new credential and "
        + "add its digest and scopes to the clients file (local.clients.file).")
final class LocalClientCommand implements Callable<Integer> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    @Parameters(index = "0", description = "Client name, e.g. customs (lower-case letters, digits, '-').")
    String name;

    @Option(names = "--scopes", required = true, split = ",",
            description = "Its scopes: issue, decide, read, operate, monitor (comma-separated).")
    String[] scopes;

    @Option(names = "--file", required = true, description = "The clients file, e.g. keystores/kr/local-clients.properties.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, NoSuchAlgorithmException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!NAME.matcher(name).matches() || name.equals("operator")) {
            err.println("A client name is 1-32 lower-case letters, digits or '-', and not 'operator'.");
            return 2;
        }
        for (String scope : scopes) {
            if (LocalScope.of(scope) == null) {
                err.println("Unknown scope '" + scope + "'; known are issue, decide, read, operate, monitor.");
                return 2;
            }
        }
        String existing = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (existing.lines().anyMatch(l -> l.startsWith(name + "."))) {
            err.println("The client '" + name + "' is already in " + file + ".");
            return 2;
        }
        String credential = RandomSecret.hex(32);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(credential.getBytes(StandardCharsets.UTF_8)));
        String block = name + ".credential-sha256=" + digest + "\n" + name + ".scopes=" + String.join(",", scopes) + "\n";
        PrivateFiles.write(file, (existing + (existing.isEmpty() || existing.endsWith("\n") ? "" : "\n") + block)
                .getBytes(StandardCharsets.UTF_8));
        out.println("Client '" + name + "' added to " + file + " (restart the gateway to use it). Its credential, "
                + "shown only now:");
        out.println(credential);
        out.flush();
        return 0;
    }
}
