package org.coconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.coconnect.Gateway;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The operator commands, run in-process as picocli commands against a running gateway's local interface. */
class LocalCommandIT {

    @TempDir
    static Path dir;
    static Gateway kr;
    static Path conf;
    static java.util.List<org.coconnect.config.GatewayConfig> configs;

    /** What one command run printed, and its exit code. */
    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void start() throws IOException {
        configs = TestGateways.configs(dir);
        kr = TestGateways.start(configs.get(0));
        Path token = dir.resolve("local-token");
        org.coconnect.security.PrivateFiles.write(token, TestGateways.LOCAL_TOKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("gateway.properties"), "gateway.country=KR\n"
                + "local.port=" + kr.config().localApi().port() + "\n"
                + "local.token.file=" + token.toAbsolutePath().toString().replace("\\", "/") + "\n");
    }

    @AfterAll
    static void stop() {
        if (kr != null) kr.close();
    }

    static Run coconnect(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exitCode = new CommandLine(new CoConnectCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void issueHandsTheCoFileToTheRunningGatewayAndExits0() throws IOException {
        Path file = Files.writeString(dir.resolve("co.xml"), OutboundPayloadWriter.text(
                SampleCertificate.create("KR-CLI-1", 1, "KR", "ID", 1, Instant.now().minusSeconds(30))));

        Run run = coconnect("issue", "--conf", conf.toString(), file.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Issued CO KR:KR-CLI-1 v1 for ID-DJBC; send-co "), run.out());
        assertTrue(StoredRows.certificates(kr).stream().anyMatch(c -> c.number().equals("KR-CLI-1")));
    }

    @Test
    void aRefusedCoExits1PrintingEachProblemWithItsCode() throws IOException {
        String xml = OutboundPayloadWriter.text(SampleCertificate.create("KR-CLI-2", 1, "KR", "ID", 1, Instant.now()))
                .replaceFirst(">1</([a-z]+:)?Version>", ">one</$1Version>")
                .replaceFirst(">ID</([a-z]+:)?ImportingCountryCode>", ">Indonesia</$1ImportingCountryCode>");
        Path file = Files.writeString(dir.resolve("bad.xml"), xml);

        Run run = coconnect("issue", "--conf", conf.toString(), file.toString());

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("Refused (HTTP 422):"), run.err());
        assertTrue(run.err().lines().filter(l -> l.startsWith("  CC-2001 ERROR")).count() >= 2, run.err());
        assertTrue(StoredRows.certificates(kr).stream().noneMatch(c -> c.number().equals("KR-CLI-2")));
    }

    @Test
    void aResendThatIsNotPossibleExits1WithItsCode() {
        var read = org.coconnect.ws.CertificateReader.read(OutboundPayloadWriter.text(
                SampleCertificate.create("KR-CLI-ERASED", 1, "KR", "ID", 1, Instant.now().minusSeconds(30))));
        String messageId = kr.useCases().issueCertificate().issue(read.certificate(), read.xml()).messageId().toString();
        // A rejected message whose content an older retention erased (see docs/operations.md).
        kr.database().inTransaction(em -> em.createNativeQuery("update outbox set status = 'REJECTED', payload = ''"
                + " where message_id = ?").setParameter(1, messageId).executeUpdate());

        Run run = coconnect("resend", "--conf", conf.toString(), messageId);

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("CC-7012"), run.err());
    }

    @Test
    void alertsShowHowOftenARefusalRepeated() {
        var id = org.coconnect.support.MutualTlsSoapClient.asPartner(configs.get(1), TestGateways.KR_ID);
        byte[] dtd = """
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY e "e">]>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>&e;</soap:Body></soap:Envelope>"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            id.post(java.net.URI.create(kr.baseUrl() + "/send-co"), "urn:coconnect:send-co", dtd);
        }

        Run run = coconnect("alerts", "--conf", conf.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches(".*\\bCC-2002\\s+3\\s.*")), run.out());
    }
}
