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
 * Issue #14: a correctly signed and encrypted message whose decrypted payload passes the depth limit
 * is refused with CC-2004 (while WS-Security parses it, where DecryptedContentParser is installed),
 * and nothing is stored.
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
        var answer = kr.post(id, "send-co", kr.secured(payload).bytes());
        var document = SendingPartner.opened(answer, kr.signer());
        String fault = org.coconnect.support.MutualTlsSoapClient.faultString(document);
        assertTrue(fault != null && fault.startsWith("CC-2004"), "expected CC-2004, got " + answer.text());
        GatewaySnapshot.assertNoInternals(answer.text());
        before.assertNothingStored();
        before.assertAlerted(ErrorCode.PAYLOAD_LIMIT_EXCEEDED);
    }
}
