package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The digest an acknowledgement names: the exclusive canonical form of the payload, whatever envelope held it. */
class PayloadDigestTest {

    private static final String PAYLOAD = "<m:send-co xmlns:m=\"urn:m\" b=\"2\"  a=\"1\"><m:Note>caf\u00e9 &amp; \u20ac"
            + "</m:Note><m:Empty/></m:send-co>";

    @Test
    void canonicalFormDropsTheEnvelopesNamespacesAndOrdersAttributes() throws Exception {
        Element inEnvelope = (Element) OutboundPayloadWriter.parse("<soap:Envelope xmlns:soap=\"urn:soap\" xmlns:wsu=\"urn:wsu\">"
                + "<soap:Body wsu:Id=\"b\">" + PAYLOAD + "</soap:Body></soap:Envelope>").getFirstChild().getFirstChild();

        PayloadDigest digest = PayloadDigest.of(inEnvelope);

        String expected = "<m:send-co xmlns:m=\"urn:m\" a=\"1\" b=\"2\"><m:Note>caf\u00e9 &amp; \u20ac</m:Note>"
                + "<m:Empty></m:Empty></m:send-co>";
        assertEquals(expected, new String(digest.canonical(), StandardCharsets.UTF_8));
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(expected.getBytes(StandardCharsets.UTF_8)),
                digest.sha256());
    }

    @Test
    void aRetryInAnotherEnvelopeHasTheSameDigest() {
        Element alone = OutboundPayloadWriter.parse(PAYLOAD);
        Element wrapped = (Element) OutboundPayloadWriter.parse("<e:Envelope xmlns:e=\"urn:other\" xmlns:x=\"urn:x\">"
                + PAYLOAD + "</e:Envelope>").getFirstChild();

        assertArrayEquals(PayloadDigest.of(alone).sha256(), PayloadDigest.of(wrapped).sha256());
    }
}
