package org.coconnect.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coconnect.config.ConfigException;

/**
 * The two credential files: {@code user:argon2id-hash} lines for the logins partners use with us,
 * {@code partnerId:user:password} lines for ours with them. Blank lines and {@code #} comments are ignored.
 */
public final class CredentialFiles {

    /** Our login with one partner. */
    public record Login(String user, char[] password) {
    }

    private CredentialFiles() {
    }

    /** Inbound: user → PHC hash. A missing file means no partner may log in. */
    public static Map<String, String> readInbound(Path file) {
        var hashes = new LinkedHashMap<String, String>();
        for (String[] fields : read(file, 2)) {
            if (!PasswordHash.isWellFormed(fields[1])) {
                throw new ConfigException(file.toString(), fields[0], "is not an argon2id hash (use `coconnect hash-password`)");
            }
            hashes.put(fields[0], fields[1]);
        }
        return hashes;
    }

    /** Outbound: partner id → our login with that partner. */
    public static Map<String, Login> readOutbound(Path file) {
        var logins = new LinkedHashMap<String, Login>();
        for (String[] fields : read(file, 3)) {
            logins.put(fields[0], new Login(fields[1], fields[2].toCharArray()));
        }
        return logins;
    }

    /** Appends a line, creating the file readable by its owner only. */
    public static void append(Path file, String line) throws IOException {
        if (!Files.exists(file)) {
            PrivateFiles.createFile(file);
        }
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    private static List<String[]> read(Path file, int fieldCount) {
        var rows = new ArrayList<String[]>();
        if (!Files.isRegularFile(file)) {
            return rows;
        }
        try {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(":", fieldCount);
                if (fields.length != fieldCount || fields[0].isBlank()) {
                    throw new ConfigException(file.toString(), "line " + lineNumber,
                            "expected " + fieldCount + " fields separated by ':'");
                }
                rows.add(fields);
            }
        } catch (IOException e) {
            throw new ConfigException(file.toString(), null, "cannot be read: " + e.getMessage());
        }
        return rows;
    }
}
