package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.wss4j.dom.WSConstants;
import org.coconnect.Gateway;
import org.coconnect.error.ErrorCode;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.HandMadeEnvelope.ExtraTransform;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signatures that verify but do not protect what they seem to, sent by KR with its real key over its
 * real mutual-TLS connection: a Body reference whose transforms leave the CO out of the digest (and
 * the CO then changed), a signed Timestamp changed after signing, and tokens whose base64 does not decode.
 */
class SignatureAttackIT {

    private static final String REFUSED = ErrorCode.SECURITY_FAILURE.partnerText();

    @TempDir
    static Path dir;
    static Gateway id;
    static SendingPartner kr;

    @BeforeAll
    static void start() {
        var configs = TestGateways.configs(dir);
        id = TestGateways.start(configs.get(1));
        kr = SendingPartner.kr(configs.get(0));
    }

    @AfterAll
    static void stop() {
        if (id != null) {
            id.close();
        }
    }

    // ---- disallowed transforms: each leaves the CO out of the digest, then the CO is swapped ----

    /** Refused by WSS4J's Basic Security Profile check (R5423), before the stylesheet could run. */
    @Test
    void anXsltTransformInTheBodyReferenceIsRefused() {
        assertRefused(withCoSwappedUnder(ExtraTransform.XSLT), ErrorCode.ALGORITHM_NOT_ALLOWED);
    }

    /** Refused by WSS4J's Basic Security Profile check (R5423). */
    @Test
    void anXPathTransformInTheBodyReferenceIsRefused() {
        assertRefused(withCoSwappedUnder(ExtraTransform.XPATH), ErrorCode.ALGORITHM_NOT_ALLOWED);
    }

    /** XPath Filter 2.0 passes the Basic Security Profile; the policy's algorithm suite refuses it. */
    @Test
    void anXPathFilter2SubtractionInTheBodyReferenceIsRefused() {
        assertRefused(withCoSwappedUnder(ExtraTransform.XPATH_FILTER_2), ErrorCode.ALGORITHM_NOT_ALLOWED);
    }

    private static byte[] withCoSwappedUnder(ExtraTransform transform) {
        return kr.secured(SendingPartner.sendCoPayload()).bodyTransform(transform).afterSigning(doc -> {
            Element number = (Element) doc.getElementsByTagNameNS(Contract.CO_NAMESPACE, "CertificateNumber").item(0);
            number.setTextContent("KR-SWAPPED-AFTER-SIGNING");
        }).bytes();
    }

    // ---- header tampering -------------------------------------------------------------------

    /** Expires moved a minute earlier: still a well-formed, current Timestamp, but no longer the signed one. */
    @Test
    void aSignedTimestampChangedAfterSigningIsRefused() {
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        byte[] envelope = kr.secured(SendingPartner.sendCoPayload()).timestamp(created, Duration.ofMinutes(5))
                .afterSigning(doc -> timestampPart(doc, "Expires").setTextContent(created.plusSeconds(240).toString()))
                .bytes();
        assertRefused(envelope, ErrorCode.SIGNATURE_INVALID);
    }

    /** The signer's certificate token with base64 that does not decode (found by FuzzedRequestsIT). */
    @Test
    void aBinarySecurityTokenThatIsNotBase64IsRefused() {
        byte[] envelope = kr.secured(SendingPartner.sendCoPayload()).bytes();
        assertRefused(withBase64Broken(envelope, "<wsse:BinarySecurityToken"), ErrorCode.SIGNATURE_INVALID);
    }

    /** The encrypted key with base64 that does not decode (found by FuzzedRequestsIT). */
    @Test
    void anEncryptedKeyThatIsNotBase64IsRefused() {
        byte[] envelope = kr.secured(SendingPartner.sendCoPayload()).bytes();
        assertRefused(withBase64Broken(envelope, "<xenc:CipherValue"), ErrorCode.DECRYPTION_FAILED);
    }

    /**
     * A padding character at a four-character boundary in the middle of the first element that starts with this
     * tag: its base64 no longer decodes, whatever the length of the value (cutting characters out can leave
     * base64 that decodes to a broken certificate instead, depending on the generated test PKI).
     */
    private static byte[] withBase64Broken(byte[] envelope, String startTag) {
        String text = new String(envelope, StandardCharsets.UTF_8);
        int content = text.indexOf('>', text.indexOf(startTag)) + 1;
        int middle = content + (text.indexOf('<', content) - content) / 8 * 4;
        return (text.substring(0, middle) + "=" + text.substring(middle)).getBytes(StandardCharsets.UTF_8);
    }

    private static Element timestampPart(Document doc, String name) {
        return (Element) doc.getElementsByTagNameNS(WSConstants.WSU_NS, name).item(0);
    }

    private static void assertRefused(byte[] envelope, ErrorCode expected) {
        GatewaySnapshot before = GatewaySnapshot.of(id);
        var answer = kr.post(id, "send-co", envelope);
        assertEquals(500, answer.status(), answer::text);
        assertEquals(REFUSED, answer.faultString(), answer::text);
        GatewaySnapshot.assertNoInternals(answer.text());
        before.assertNothingStored();
        before.assertAlerted(expected);
    }
}
