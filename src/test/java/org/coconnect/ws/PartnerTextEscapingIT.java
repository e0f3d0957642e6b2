package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.coconnect.Gateway;
import org.coconnect.cli.CoConnectCommand;
import org.coconnect.config.GatewayConfig;
import org.coconnect.error.ErrorCode;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.support.EmbeddedPostgresServer;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A partner controls the Basic login name it presents, and the refusal records it: on PostgreSQL a NUL in it
 * must not cost the alert row, and an escape sequence in it must not reach the operator's terminal.
 */
class PartnerTextEscapingIT {

    @TempDir
    Path dir;
    Gateway id;
    GatewayKeys krKeys;
    Path conf;

    /** A gateway per test: repeated refusals from one source and code are counted on one alert (coalescing). */
    @BeforeEach
    void start() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir, EmbeddedPostgresServer.newDatabase(),
                EmbeddedPostgresServer.newDatabase());
        id = TestGateways.start(configs.get(1));
        krKeys = GatewayKeys.load(configs.get(0).keystores());
        Path token = dir.resolve("local-token");
        org.coconnect.security.PrivateFiles.write(token, TestGateways.LOCAL_TOKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("gateway.properties"), "gateway.country=ID\n"
                + "local.port=" + id.config().localApi().port() + "\n"
                + "local.token.file=" + token.toAbsolutePath().toString().replace("\\", "/") + "\n");
    }

    @AfterEach
    void stop() {
        if (id != null) id.close();
    }

    private MutualTlsSoapClient.Response loginAs(String user) {
        var client = new MutualTlsSoapClient(krKeys, new CredentialFiles.Login(user, "wrong".toCharArray()));
        return client.post(URI.create(id.baseUrl() + "/send-co"), "urn:coconnect:send-co",
                "<not-read/>".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNulInTheLoginNameStillLeavesItsAlertRowOnPostgresql() {
        var answer = loginAs("KR-KCS\u0000admin");

        assertEquals(401, answer.status(), answer.text());
        assertTrue(StoredRows.alerts(id).stream().anyMatch(a -> a.code().equals(ErrorCode.CREDENTIALS_INVALID.code())
                && a.detail().toLowerCase(Locale.ROOT).contains("kr-kcs\\u0000admin")), "the refusal is on record");
    }

    @Test
    void anEscapeSequenceInTheLoginNameIsShownEscapedByTheAlertsCommand() {
        loginAs("\u001b]0;owned\u0007\u001b[2Jroot");
        var out = new StringWriter();

        int exit = new CommandLine(new CoConnectCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out))
                .execute("alerts", "--conf", conf.toString());

        assertEquals(0, exit, out.toString());
        // The refusal's detail is lower-cased on the way (SecurityFailureClassifier).
        assertTrue(out.toString().toLowerCase(Locale.ROOT).contains("\\u001b]0;owned\\u0007\\u001b[2jroot"), out.toString());
        assertFalse(out.toString().contains("\u001b"), "no escape character reaches the terminal");
    }
}
