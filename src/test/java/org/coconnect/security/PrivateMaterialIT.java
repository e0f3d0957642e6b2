package org.coconnect.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.coconnect.cli.CoConnectCommand;
import org.coconnect.config.ConfigLoader;
import org.coconnect.config.GatewayConfig;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Private keys, passwords and credentials are written readable by their owner only, passwords never travel on
 * a command line, and a production configuration never creates keys.
 */
class PrivateMaterialIT {

    @TempDir
    Path dir;

    /** Every file under root (0600) and every directory below it (0700). */
    private static void assertOwnerOnly(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(p -> !p.equals(root)).toList()) {
                String expected = Files.isDirectory(p) ? "rwx------" : "rw-------";
                assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
            }
        }
    }

    /** Demo CA, keystores and login files, as the demo generates them, whatever the umask. */
    @Test
    void demoKeysCaAndCredentialFilesAreOwnerOnly() throws Exception {
        Path keys = dir.resolve("keys");
        List<GatewayConfig> configs = new ArrayList<>();
        for (GatewayConfig c : TestGateways.configs(dir)) {
            Path own = keys.resolve(c.selfId());
            configs.add(c.withKeystores(new org.coconnect.config.KeystoreConfig(own.resolve("own.p12"),
                    own.resolve("partners.p12"), own.resolve("trust.p12"), c.keystores().password(), true,
                    own.resolve("inbound-credentials"), own.resolve("outbound-credentials"))));
        }

        new DemoPki(keys.resolve("demo-ca")).ensure(configs);

        assertTrue(Files.isRegularFile(keys.resolve("demo-ca/ca.p12")));
        assertTrue(Files.size(keys.resolve("KR-KCS/outbound-credentials")) > 0);
        assertOwnerOnly(keys);
    }

    /** The keystore password and local token a demo configuration generates. */
    @Test
    void generatedPasswordAndTokenAreOwnerOnly() throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("gateway.properties"), String.join("\n", "gateway.country=KR",
                "gateway.authority=KCS", "keystores.own=secrets/kr/own.p12", "keystores.partners=secrets/kr/partners.p12",
                "keystores.trust=secrets/kr/trust.p12", "keystores.password.file=secrets/kr/password",
                "keystores.demo=true", "local.token.file=secrets/kr/local-token", ""));

        new ConfigLoader(dir, Map.of()).load(conf);

        assertTrue(Files.isRegularFile(dir.resolve("secrets/kr/password")));
        assertTrue(Files.isRegularFile(dir.resolve("secrets/kr/local-token")));
        assertOwnerOnly(dir.resolve("secrets"));
    }

    /** A configuration without keystores.demo=true: serve refuses, naming file and key, and creates nothing. */
    @Test
    void serveWithoutKeystoresFailsNamingTheFileAndKeyAndGeneratesNothing() throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/password"), "a-keystore-password");
        Files.writeString(conf.resolve("gateway.properties"), String.join("\n", "gateway.country=KR",
                "gateway.authority=KCS", "keystores.own=" + dir.resolve("secrets/own.p12"),
                "keystores.partners=" + dir.resolve("secrets/partners.p12"),
                "keystores.trust=" + dir.resolve("secrets/trust.p12"),
                "keystores.password.file=" + dir.resolve("secrets/password"), "local.port=0", ""));
        var err = new StringWriter();

        int exit = new CommandLine(new CoConnectCommand()).setErr(new PrintWriter(err))
                .execute("serve", "--conf", conf.toString());

        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("gateway.properties: key 'keystores.own': CC-8005"), err.toString());
        try (Stream<Path> files = Files.list(dir.resolve("secrets"))) {
            assertEquals(List.of("password"), files.map(p -> p.getFileName().toString()).toList(), "no key generated");
        }
    }

    /** soapui/export-keystores.sh: the keystore password goes to keytool by environment, the output is 0600. */
    @Test
    void exportKeystoresScriptKeepsThePasswordOffTheCommandLineAndWritesOwnerOnlyFiles() throws Exception {
        String script = Files.readString(Path.of("soapui/export-keystores.sh"));
        assertFalse(script.matches("(?s).*-(src|dest)?(store|key)pass\\s.*"), "no -storepass <value> in the script");
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("soapui"));
        Files.copy(Path.of("soapui/export-keystores.sh"), repo.resolve("soapui/export-keystores.sh"));
        GatewayConfig kr = TestGateways.configs(dir).get(0);
        Path src = Files.createDirectories(repo.resolve("keystores/kr"));
        Files.copy(kr.keystores().own(), src.resolve("own.p12"));
        Files.copy(kr.keystores().partners(), src.resolve("partners.p12"));
        Files.copy(kr.keystores().trust(), src.resolve("trust.p12"));
        Files.writeString(src.resolve("password"), new String(kr.keystores().password()));
        var process = new ProcessBuilder("bash", repo.resolve("soapui/export-keystores.sh").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("export.log").toFile());
        process.environment().remove("COCONNECT_KEYSTORE_PASSWORD");
        process.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + process.environment().get("PATH"));
        Process run = process.start();

        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the script ends");
        assertEquals(0, run.exitValue(), Files.readString(dir.resolve("export.log"), StandardCharsets.UTF_8));
        for (String jks : List.of("kr-signing.jks", "kr-encryption.jks", "kr-tls.jks", "kr-partners.jks")) {
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(repo.resolve("soapui").resolve(jks))), jks);
        }
    }
}
