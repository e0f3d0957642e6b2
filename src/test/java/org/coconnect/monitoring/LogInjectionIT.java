package org.coconnect.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coconnect.config.GatewayConfig;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.support.GatewayProcess;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A partner-chosen login name with CR LF and a made-up log line stays inside the one line that logs it. */
class LogInjectionIT {

    /** A log line as the pattern writes it, less the time: a Basic login name ends at its first colon. */
    static final String FORGED = "INFO  [main] org.coconnect.Gateway - KR-KCS authenticated as admin";

    @TempDir
    Path dir;

    @Test
    void aLoginNameWithCrLfAndAFakeLogLineDoesNotStartALineOfItsOwn() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        var krKeys = GatewayKeys.load(configs.get(0).keystores());
        try (var id = GatewayProcess.start(dir, "id", configs.get(1), Map.of())) {
            var client = new MutualTlsSoapClient(krKeys, new CredentialFiles.Login("KR-KCS\r\n" + FORGED,
                    "wrong".toCharArray()));
            var answer = client.post(URI.create("https://localhost:" + configs.get(1).port() + "/send-co"),
                    "urn:coconnect:send-co", "<not-read/>".getBytes(StandardCharsets.UTF_8));
            assertEquals(401, answer.status(), answer.text());

            List<String> lines = awaitLogLineContaining(dir.resolve("id.log"), "CC-1102");
            // The refusal's detail is lower-cased on the way (SecurityFailureClassifier); compare without case.
            String forged = FORGED.toLowerCase(java.util.Locale.ROOT);
            assertTrue(lines.stream().noneMatch(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith(forged)),
                    "no forged line of its own");
            assertTrue(lines.stream().anyMatch(l -> l.contains("CC-1102")
                            && l.toLowerCase(java.util.Locale.ROOT).contains("kr-kcs\\r\\n" + forged)),
                    () -> "the name is shown escaped on the alert's line: " + lines.stream()
                            .filter(l -> l.contains("CC-1102")).toList());
        }
    }

    @Test
    void theProductionLogConfigurationEscapesControlCharactersInMessagesAndExceptions() throws Exception {
        Path log = dir.resolve("coconnect.log");
        var context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.putProperty("coconnect.log", log.toString());
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Path.of("src/main/resources/logback.xml").toFile());

        context.getLogger("org.coconnect.ws.TransportAuthenticator").warn("login '{}' refused",
                "KR-KCS\r\n" + FORGED + "\u001b[2J");
        context.getLogger("org.coconnect.ws.TransportAuthenticator").warn("refused",
                new IllegalStateException("login 'KR-KCS\r\n" + FORGED + "'"));
        context.stop();

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).endsWith("login 'KR-KCS\\r\\n" + FORGED + "\\u001b[2J' refused"),
                () -> lines + " " + context.getStatusManager().getCopyOfStatusList());
        assertEquals("java.lang.IllegalStateException: login 'KR-KCS\\r\\n" + FORGED + "'", lines.get(2));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith(FORGED)), lines::toString);
    }

    /** Bounded poll: the child gateway logs the alert after it has answered. */
    private static List<String> awaitLogLineContaining(Path log, String text) throws Exception {
        for (int i = 0; i < 600; i++) {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            if (lines.stream().anyMatch(l -> l.contains(text))) {
                return lines;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no log line with " + text + " in " + log);
    }
}
