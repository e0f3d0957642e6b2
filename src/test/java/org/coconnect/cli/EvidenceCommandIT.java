package org.coconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.Operation;
import org.coconnect.security.GatewayKeys;
import org.coconnect.support.TestGateways;
import org.coconnect.support.XmlSec1;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.Contract;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.RequestBuilder;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@code coconnect evidence} in both directions, checked as a third party would: unzip the archive and
 * run xmlsec1 alone on what it holds.
 */
class EvidenceCommandIT {

    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    @TempDir
    static Path dir;
    static List<GatewayConfig> configs;
    static Gateway kr;
    static Gateway id;
    static String delivered;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(XmlSec1.installed(), "xmlsec1 is not installed here (apt-get install xmlsec1; .ci/run installs it)");
        configs = TestGateways.configs(dir);
        kr = TestGateways.start(configs.get(0));
        // ID is down for the first attempt: a failed attempt keeps its metadata and digest.
        var read = CertificateReader.read(OutboundPayloadWriter.text(
                SampleCertificate.create("KR-EVIDENCE-1", 1, "KR", "ID", 1, Instant.now().minusSeconds(60))));
        delivered = kr.useCases().issueCertificate().issue(read.certificate(), read.xml()).messageId().toString();
        kr.deliverDue();
        id = TestGateways.start(configs.get(1));
        kr.outbox().resend(delivered);
        kr.deliverDue();
        assertEquals("DELIVERED", kr.outbox().delivery(delivered).orElseThrow().status());
    }

    @AfterAll
    static void stop() {
        if (kr != null) kr.close();
        if (id != null) id.close();
    }

    @Test
    void theSendersArchiveHoldsThePartnersSignedAcknowledgementThatXmlsec1VerifiesAndItsDigestIsOurPayloads()
            throws Exception {
        Path out = export(kr, configs.get(0), delivered);

        Path attempt = out.resolve("attempt-2-acknowledged");
        assertTrue(Files.exists(attempt.resolve("envelope-as-sent.xml")), "our envelope as sent is kept");
        assertTrue(Files.readString(attempt.resolve("envelope-as-sent.xml")).contains("EncryptedData"));
        Path answer = attempt.resolve("answer-as-received-decrypted.xml");
        XmlSec1.Result result = verify(attempt.resolve("answer-as-received-signer.pem"), answer);
        assertTrue(result.succeeded(), result::output);
        assertEquals(Files.readString(attempt.resolve("answer-as-received-signer.pem")),
                EvidenceArchive.pem(GatewayKeys.load(configs.get(1).keystores()).signingCertificate()),
                "the answer is signed by ID's signing certificate");

        byte[] payload = Files.readAllBytes(out.resolve("exchanged-1-outbound/payload-c14n.xml"));
        String acknowledged = payloadDigest(Files.readString(answer));
        assertEquals(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(payload)),
                acknowledged, "the partner signed the digest of the payload we sent");

        String failed = Files.readString(out.resolve("attempt-1-failed/attempt.txt"));
        assertTrue(failed.contains("FAILED") && failed.contains("payload SHA-256 sent: "), failed);
        assertTrue(Files.readString(out.resolve("README.txt")).contains("xmlsec1 verify"));
    }

    /** The negative control: xmlsec1 really checks the archive's signed Body. */
    @Test
    void anAcknowledgementChangedInTheArchiveFailsXmlsec1() throws Exception {
        Path attempt = export(kr, configs.get(0), delivered).resolve("attempt-2-acknowledged");
        Path answer = attempt.resolve("answer-as-received-decrypted.xml");
        Files.writeString(answer, Files.readString(answer).replace(">ACCEPTED<", ">REJECTED<"));
        assertFalse(verify(attempt.resolve("answer-as-received-signer.pem"), answer).succeeded());
    }

    @Test
    void theReceiversArchiveHoldsTheSendersSignedMessageThatXmlsec1Verifies() throws Exception {
        Path inbound = export(id, configs.get(1), delivered).resolve("exchanged-1-inbound");
        assertTrue(Files.readString(inbound.resolve("envelope-as-received.xml")).contains("EncryptedData"));
        XmlSec1.Result result = verify(inbound.resolve("envelope-as-received-signer.pem"),
                inbound.resolve("envelope-as-received-decrypted.xml"));
        assertTrue(result.succeeded(), result::output);
        assertTrue(Files.readString(inbound.resolve("envelope-as-received-decrypted.xml")).contains("KR-EVIDENCE-1"));
    }

    @Test
    void aRejectedInboundMessageKeepsItsEnvelopeAndProblemsAndXmlsec1VerifiesIt() throws Exception {
        var toId = kr.client(TestGateways.ID_ID);
        var header = toId.newHeader(UUID.randomUUID(), null);
        Element co = SampleCertificate.create("KR-EVIDENCE-DELETE", 1, "KR", "ID", 1, Instant.now().minusSeconds(60));
        co.getElementsByTagNameNS(Contract.CO_NAMESPACE, "OperationMode").item(0).setTextContent("DELETE");
        assertEquals(AcknowledgementStatus.REJECTED,
                toId.send(Operation.SEND_CO, RequestBuilder.sendCo(header, co), header.messageId()).status());

        Path rejected = export(id, configs.get(1), header.messageId().toString()).resolve("rejected-1");
        assertTrue(Files.readString(rejected.resolve("problems.txt")).contains("CC-3101"));
        XmlSec1.Result result = verify(rejected.resolve("envelope-as-received-signer.pem"),
                rejected.resolve("envelope-as-received-decrypted.xml"));
        assertTrue(result.succeeded(), result::output);
    }

    @Test
    void anUnknownMessageIdExportsNothing() throws Exception {
        var err = new StringWriter();
        int rc = EvidenceCommand.export(id.database(), GatewayKeys.load(configs.get(1).keystores()),
                UUID.randomUUID().toString(), dir.resolve("none.zip"), new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));
        assertEquals(1, rc);
        assertTrue(err.toString().contains("CC-9102"), err::toString);
    }

    private static Path export(Gateway gateway, GatewayConfig config, String messageId) throws Exception {
        Path zip = dir.resolve(UUID.randomUUID() + ".zip");
        var out = new StringWriter();
        assertEquals(0, EvidenceCommand.export(gateway.database(), GatewayKeys.load(config.keystores()), messageId, zip,
                new PrintWriter(out, true), new PrintWriter(out, true)), out::toString);
        Path target = Files.createDirectories(dir.resolve("unzipped-" + UUID.randomUUID()));
        try (var archive = new ZipFile(zip.toFile())) {
            for (var entry : java.util.Collections.list(archive.entries())) {
                Path file = target.resolve(entry.getName());
                Files.createDirectories(file.getParent());
                Files.write(file, archive.getInputStream(entry).readAllBytes());
            }
        }
        return target;
    }

    private static XmlSec1.Result verify(Path certificate, Path file) {
        List<String> args = new ArrayList<>(List.of("verify", "--pubkey-cert-pem", certificate.toString(),
                "--id-attr:Id", "http://schemas.xmlsoap.org/soap/envelope/:Body", "--id-attr:Id", WSU + ":Timestamp",
                file.toString()));
        return XmlSec1.run(args);
    }

    /** The acknowledgement's PayloadDigest, as a third party reads it off the signed Body. */
    private static String payloadDigest(String acknowledgement) {
        var m = java.util.regex.Pattern.compile("PayloadDigest[^>]*>([^<]+)<").matcher(acknowledgement);
        assertTrue(m.find(), acknowledgement);
        return m.group(1).trim();
    }
}
