package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coconnect.Gateway;
import org.coconnect.config.Cidr;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.LocalApiConfig;
import org.coconnect.config.PartnerConfig;
import org.coconnect.error.ErrorCode;
import org.coconnect.config.DatabaseSettings;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code server.trusted-proxies}: ID allows KR only from 10.20.0.0/16, and KR's test client connects from
 * 127.0.0.1. One ID gateway trusts 127.0.0.1 as a proxy (so the client plays a proxy that adds
 * X-Forwarded-For), another trusts a proxy network the client is not in (so its header is a spoof).
 */
class TrustedProxyIT {

    private static final String ALLOWED = "10.20.1.2";
    private static final String NOT_ALLOWED = "10.30.0.1";

    @TempDir
    static Path dir;
    static SendingPartner kr;
    static Gateway behindProxy;
    static Gateway proxyElsewhere;

    @BeforeAll
    static void start() {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        kr = SendingPartner.kr(configs.get(0));
        GatewayConfig id = onlyFrom10_20(configs.get(1));
        behindProxy = TestGateways.start(id.withTrustedProxies(List.of(Cidr.parse("127.0.0.1/32"))));
        // A second ID on its own port and database, without the local interface (the first one has it).
        Path other = dir.resolve("id-other");
        proxyElsewhere = TestGateways.start(id.withPort(TestGateways.freePort())
                .withDatabase(DatabaseSettings.h2File(other.resolve("coconnect")), other)
                .withLocalApi(new LocalApiConfig("127.0.0.1", 0, null, null))
                .withTrustedProxies(List.of(Cidr.parse("10.99.0.0/16"))));
    }

    @AfterAll
    static void stop() {
        for (Gateway g : new Gateway[] {behindProxy, proxyElsewhere}) {
            if (g != null) {
                g.close();
            }
        }
    }

    /** ID with KR's allowlist narrowed to 10.20.0.0/16, where the test client is not. */
    private static GatewayConfig onlyFrom10_20(GatewayConfig id) {
        PartnerConfig k = id.partners().get(0);
        return id.withPartners(List.of(new PartnerConfig(k.id(), k.administration(), k.environment(), k.domain(),
                k.endpointUrl(), List.of(Cidr.parse("10.20.0.0/16")), k.inboundUser(), k.limits(), k.securityProfile())));
    }

    private static MutualTlsSoapClient.Response postVia(Gateway id, String forwardedFor) throws Exception {
        byte[] envelope = kr.secured(SendingPartner.sendCoPayload()).bytes();
        return kr.client().post(java.net.URI.create(id.baseUrl() + "/send-co"), "urn:coconnect:send-co", envelope,
                Map.of("X-Forwarded-For", forwardedFor));
    }

    private static void assertRefused(Gateway id, GatewaySnapshot before, MutualTlsSoapClient.Response answer,
                                      ErrorCode alertCode, String detail) {
        assertEquals(401, answer.status(), answer::text);
        assertTrue(answer.text().contains("CC-1100 Authentication failed."), answer.text());
        GatewaySnapshot.assertNoInternals(answer.text());
        before.assertAlerted(alertCode);
        assertTrue(before.alertDetailsSince().stream().anyMatch(d -> d.toLowerCase().contains(detail.toLowerCase())),
                before.alertDetailsSince()::toString);
        before.assertNothingStored();
    }

    @Test
    void fromATrustedProxyTheForwardedAddressIsCheckedAgainstTheAllowlist() throws Exception {
        long messages = GatewaySnapshot.messages(behindProxy);
        var answer = postVia(behindProxy, ALLOWED);
        assertEquals(200, answer.status(), answer::text);
        assertEquals(messages + 1, GatewaySnapshot.messages(behindProxy));
    }

    @Test
    void fromATrustedProxyAForwardedAddressOutsideTheAllowlistIsRefused() throws Exception {
        GatewaySnapshot before = GatewaySnapshot.of(behindProxy);
        assertRefused(behindProxy, before, postVia(behindProxy, NOT_ALLOWED), ErrorCode.SOURCE_IP_NOT_ALLOWED, NOT_ALLOWED);
    }

    /** The client wrote an allowed address itself; the proxy appended the one it saw. The right-most one counts. */
    @Test
    void anAllowedAddressTheClientPrependedDoesNotCount() throws Exception {
        GatewaySnapshot before = GatewaySnapshot.of(behindProxy);
        assertRefused(behindProxy, before, postVia(behindProxy, ALLOWED + ", " + NOT_ALLOWED),
                ErrorCode.SOURCE_IP_NOT_ALLOWED, NOT_ALLOWED);
    }

    /** Hops that are trusted proxies themselves are skipped, right to left. */
    @Test
    void trustedProxiesInTheChainAreSkipped() throws Exception {
        var answer = postVia(behindProxy, NOT_ALLOWED + ", " + ALLOWED + ", 127.0.0.1");
        assertEquals(200, answer.status(), answer::text);
    }

    @Test
    void aMalformedHeaderFromATrustedProxyIsRefusedWithItsCode() throws Exception {
        for (String malformed : List.of("client.example", ALLOWED + ",", "10.20.1.2:5555", "1234", "10.20.0.0/16")) {
            GatewaySnapshot before = GatewaySnapshot.of(behindProxy);
            assertRefused(behindProxy, before, postVia(behindProxy, malformed), ErrorCode.FORWARDED_FOR_INVALID, "X-Forwarded-For");
        }
    }

    /** A spoof: the client is no trusted proxy, so its X-Forwarded-For naming an allowed address is ignored. */
    @Test
    void fromAnyOtherPeerTheHeaderIsIgnored() throws Exception {
        GatewaySnapshot before = GatewaySnapshot.of(proxyElsewhere);
        assertRefused(proxyElsewhere, before, postVia(proxyElsewhere, ALLOWED), ErrorCode.SOURCE_IP_NOT_ALLOWED, "127.0.0.1");
        GatewaySnapshot malformed = GatewaySnapshot.of(proxyElsewhere);
        assertRefused(proxyElsewhere, malformed, postVia(proxyElsewhere, "not an address"), ErrorCode.SOURCE_IP_NOT_ALLOWED,
                "127.0.0.1");
    }
}
