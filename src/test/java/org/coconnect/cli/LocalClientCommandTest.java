package org.coconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import org.coconnect.config.LocalScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `coconnect local-client` makes a credential and writes only its digest and scopes, readable by the owner only. */
class LocalClientCommandTest {

    @TempDir
    Path dir;

    @Test
    void aNewClientGetsACredentialWhoseDigestAndScopesTheGatewayReads() throws Exception {
        Path file = dir.resolve("local-clients.properties");
        var out = new StringWriter();

        int exit = new CommandLine(new CoConnectCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute("local-client", "customs", "--scopes", "decide,read", "--file", file.toString());

        assertEquals(0, exit);
        String credential = out.toString().strip().lines().reduce((a, b) -> b).orElseThrow();
        String content = Files.readString(file);
        assertTrue(!content.contains(credential), "only the digest is kept");
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(credential.getBytes(StandardCharsets.UTF_8)));
        var clients = org.coconnect.config.LocalClientConfig.readFile(file);
        assertEquals(digest, clients.get(0).credentialSha256());
        assertEquals(Set.of(LocalScope.DECIDE, LocalScope.READ), clients.get(0).scopes());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
