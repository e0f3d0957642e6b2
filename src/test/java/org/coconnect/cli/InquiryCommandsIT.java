package org.coconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Pattern;
import org.coconnect.Gateway;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The inquiry commands of officials on both sides, run in-process against two running gateways. */
class InquiryCommandsIT {

    private static final Pattern INQUIRY_ID = Pattern.compile("Inquiry ([0-9a-f-]{36}) about CO");

    @TempDir
    static Path dir;
    static Gateway kr;
    static Gateway id;
    static Path krConf;
    static Path idConf;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void start() throws IOException {
        var configs = TestGateways.configs(dir);
        kr = TestGateways.start(configs.get(0));
        id = TestGateways.start(configs.get(1));
        Path token = dir.resolve("local-token");
        org.coconnect.security.PrivateFiles.write(token, TestGateways.LOCAL_TOKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        krConf = conf("kr-conf", "KR", kr, token);
        idConf = conf("id-conf", "ID", id, token);
    }

    private static Path conf(String name, String country, Gateway gateway, Path token) throws IOException {
        Path conf = Files.createDirectories(dir.resolve(name));
        Files.writeString(conf.resolve("gateway.properties"), "gateway.country=" + country + "\n"
                + "local.port=" + gateway.config().localApi().port() + "\n"
                + "local.token.file=" + token.toAbsolutePath().toString().replace("\\", "/") + "\n");
        return conf;
    }

    @AfterAll
    static void stop() {
        if (kr != null) kr.close();
        if (id != null) id.close();
    }

    static Run coconnect(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exitCode = new CommandLine(new CoConnectCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void anOfficialAsksTheOtherListsItOpenAnswersItAndTheAskerReadsTheAnswer() {
        var read = CertificateReader.read(OutboundPayloadWriter.text(SampleCertificate.create("KR-CLI-ASK", 1, "KR", "ID",
                1, Instant.now().minusSeconds(30))));
        kr.useCases().issueCertificate().issue(read.certificate(), read.xml());
        kr.deliverDue();

        Run ask = coconnect("ask", "--conf", idConf.toString(), "KR", "KR-CLI-ASK", "1", "--question",
                "Please explain the origin criterion.", "--official", "Siti Rahma", "--office", "Tanjung Priok");
        assertEquals(0, ask.exitCode(), ask.err());
        var matcher = INQUIRY_ID.matcher(ask.out());
        assertTrue(matcher.find(), ask.out());
        String inquiryId = matcher.group(1);
        assertTrue(ask.out().contains("asked of KR-KCS"), ask.out());
        id.deliverDue();

        Run open = coconnect("inquiries", "--conf", krConf.toString());
        assertEquals(0, open.exitCode(), open.err());
        String row = open.out().lines().filter(l -> l.startsWith(inquiryId)).findFirst().orElseThrow(
                () -> new AssertionError(open.out()));
        assertTrue(row.matches(inquiryId + "\\s+EXPORT\\s+KR:KR-CLI-ASK v1\\s+ID-DJBC\\s+OPEN\\s+0h \\d+m\\s+Siti Rahma\\s+"
                + "Please explain the origin criterion\\."), row);

        Run answer = coconnect("answer", "--conf", krConf.toString(), inquiryId, "--answer", "RVC 40 is met.",
                "--official", "Kim Min-jun");
        assertEquals(0, answer.exitCode(), answer.err());
        kr.deliverDue();

        Run shown = coconnect("inquiry", "--conf", idConf.toString(), inquiryId);
        assertEquals(0, shown.exitCode(), shown.err());
        assertTrue(shown.out().contains("(IMPORT side, partner KR-KCS): ANSWERED"), shown.out());
        assertTrue(shown.out().contains("CO        KR:KR-CLI-ASK v1 RECEIVED"), shown.out());
        assertTrue(shown.out().contains("Answer    RVC 40 is met."), shown.out());
        assertTrue(shown.out().contains("asked by Siti Rahma (Tanjung Priok)"), shown.out());
        assertTrue(coconnect("inquiries", "--conf", krConf.toString()).out().lines().noneMatch(l -> l.startsWith(inquiryId)),
                "no longer listed as open");
        assertTrue(coconnect("inquiries", "--conf", krConf.toString(), "--all").out().contains(inquiryId));

        Run again = coconnect("answer", "--conf", krConf.toString(), inquiryId, "--answer", "Again.", "--official", "Kim");
        assertEquals(1, again.exitCode(), again.out());
        assertTrue(again.err().contains("CC-5202"), again.err());
    }
}
