package org.coconnect.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.coconnect.security.PasswordHash;
import picocli.CommandLine.Command;

/** Prints the Argon2id hash of a password read from standard input, for the inbound credentials file. */
@Command(name = "hash-password", description = "Read a password on standard input and print its Argon2id hash"
        + " (for keystores/<gw>/inbound-credentials lines: user:hash).")
final class HashPasswordCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        char[] password = System.console() != null ? System.console().readPassword("Password: ")
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine().toCharArray();
        if (password == null || password.length < 12) {
            System.err.println("A partner password must have at least 12 characters.");
            return 2;
        }
        System.out.println(PasswordHash.hash(password));
        return 0;
    }
}
