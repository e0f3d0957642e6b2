package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.error.ErrorCode;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Issue #14: a correctly signed and encrypted message whose decrypted payload passes a limit is refused
 * with CC-2004, and nothing is stored. Refused while CXF's decryption parses the plaintext (its reader
 * takes the limits {@link XmlLimits#installDecryptedContentLimits} sets), not by a walk of a payload
 * built whole in memory first: the alert names the parser's limit.
 */
class DecryptedPayloadLimitIT {

    @TempDir
    static Path dir;
    static Gateway id;
    static SendingPartner kr;

    @BeforeAll
    static void start() {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        id = TestGateways.start(configs.get(1));
        kr = SendingPartner.kr(configs.get(0));
    }

    @AfterAll
    static void stop() {
        if (id != null) {
            id.close();
        }
    }

    @Test
    void anEncryptedPayloadNestedTooDeepIsRefusedAsOverTheLimit() throws Exception {
        GatewaySnapshot before = GatewaySnapshot.of(id);
        Element payload = SendingPartner.sendCoPayload();
        payload.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:d", "urn:example:deep");
        Element parent = payload;
        for (int i = 0; i < XmlLimits.MAX_DEPTH + 10; i++) {
            Element child = payload.getOwnerDocument().createElementNS("urn:example:deep", "d:deep");
            parent.appendChild(child);
            parent = child;
        }
        assertRefusedWhileParsed(before, payload, "maximum element depth");
    }

    /** 520,000 empty elements, 20,000 to a parent: about 3 MB of plaintext, inside the body limit. */
    @Test
    void anEncryptedElementBombIsRefusedWhileParsed() throws Exception {
        GatewaySnapshot before = GatewaySnapshot.of(id);
        Element payload = SendingPartner.sendCoPayload();
        payload.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:d", "urn:example:bomb");
        for (int parents = 0; parents < 26; parents++) {
            Element parent = payload.getOwnerDocument().createElementNS("urn:example:bomb", "d:p");
            for (int i = 0; i < XmlLimits.MAX_CHILD_ELEMENTS; i++) {
                parent.appendChild(payload.getOwnerDocument().createElementNS("urn:example:bomb", "d:e"));
            }
            payload.appendChild(parent);
        }
        assertRefusedWhileParsed(before, payload, "maximum element count");
    }

    private static void assertRefusedWhileParsed(GatewaySnapshot before, Element payload, String parserLimit)
            throws Exception {
        var answer = kr.post(id, "send-co", kr.secured(payload).bytes());
        var document = SendingPartner.opened(answer, kr.signer());
        String fault = org.coconnect.support.MutualTlsSoapClient.faultString(document);
        assertTrue(fault != null && fault.startsWith("CC-2004"), "expected CC-2004, got " + answer.text());
        GatewaySnapshot.assertNoInternals(answer.text());
        before.assertNothingStored();
        before.assertAlerted(ErrorCode.PAYLOAD_LIMIT_EXCEEDED);
        String detail = before.alertDetailsSince().get(0).toLowerCase(java.util.Locale.ROOT);
        assertTrue(detail.contains(parserLimit), detail);
    }
}
