package org.coconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.coconnect.Gateway;
import org.coconnect.security.PrivateFiles;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code coconnect health} as the container image's HEALTHCHECK runs it: exit 0 while a real gateway serves, 1 when
 * its database is gone or nobody answers, and never 2, which Docker reserves.
 */
class HealthCommandIT {

    @TempDir
    Path dir;

    /** What one run printed, and its exit code. */
    record Run(int exitCode, String out, String err) {
    }

    @Test
    void aServingGatewayIsHealthy() throws IOException {
        try (Gateway kr = TestGateways.start(TestGateways.configs(dir).get(0))) {
            Run run = health(confFor(kr.config().localApi().port()));

            assertEquals(0, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().startsWith("UP (checked at "), run.out());
        }
    }

    @Test
    void aGatewayWhoseDatabaseIsGoneIsUnhealthyAndSaysWhy() throws IOException {
        try (Gateway kr = TestGateways.start(TestGateways.configs(dir).get(0))) {
            kr.database().close();

            Run run = health(confFor(kr.config().localApi().port()));

            assertEquals(HealthCommand.UNHEALTHY, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().startsWith("DOWN (checked at "), run.out());
            assertTrue(run.out().lines().count() >= 2, "the reason is printed under the status: " + run.out());
        }
    }

    @Test
    void aGatewayThatDoesNotAnswerIsUnhealthyNotAUsageError() throws IOException {
        int port;
        try (Gateway kr = TestGateways.start(TestGateways.configs(dir).get(0))) {
            port = kr.config().localApi().port();
        }

        Run run = health(confFor(port));

        assertEquals(HealthCommand.UNHEALTHY, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("Cannot reach the gateway's local interface"), run.err());
    }

    private Path confFor(int localPort) throws IOException {
        Path token = dir.resolve("local-token");
        PrivateFiles.write(token, TestGateways.LOCAL_TOKEN.getBytes(StandardCharsets.UTF_8));
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("gateway.properties"), "gateway.country=KR\nlocal.port=" + localPort + "\n"
                + "local.token.file=" + token.toAbsolutePath().toString().replace("\\", "/") + "\n");
        return conf;
    }

    private static Run health(Path conf) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exitCode = new CommandLine(new CoConnectCommand()).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err)).execute("health", "--conf", conf.toString());
        return new Run(exitCode, out.toString(), err.toString());
    }
}
