package org.coconnect.conformance;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.coconnect.client.PartnerClient;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.Operation;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.MessageCrypto;
import org.coconnect.security.PartnerServerTrust;
import org.coconnect.security.TlsMaterial;

/**
 * Checks, one by one, whether a partner's endpoint conforms to the CoConnect contract, acting as our
 * gateway would (our keys, our client): TLS with client certificates, the advertised policy, refusal of
 * an unsecured request, a signed acknowledgement, DUPLICATE on a repeated message ID and REJECTED with
 * codes on invalid input. Sends real messages: point it at a test environment. A partner on the JSON API is
 * checked over JSON: its published JSON Schema and the refusal of an unsigned JWS replace the SOAP checks.
 */
public final class PartnerConformance {

    private final GatewayConfig self;
    private final String partnerId;
    private final Clock clock;

    public PartnerConformance(GatewayConfig self, String partnerId, Clock clock) {
        this.self = self;
        this.partnerId = partnerId;
        this.clock = clock;
    }

    /** Runs every check in order, printing one PASS/FAIL line per check; a crashing check fails alone. */
    public List<CheckResult> run(PrintStream out) {
        GatewayKeys keys = GatewayKeys.load(self.keystores());
        Partner partner = new PartnerDirectory(self.partners(), keys.partners()).byId(partnerId)
                .orElseThrow(() -> new IllegalArgumentException("no partner " + partnerId + " is configured"));
        boolean json = partner.config().protocol().isJson();
        URI sendCo = partner.config().operationUrl((json ? "json/" : "") + Operation.SEND_CO.pathName());
        out.println("check-partner " + partnerId + " at " + partner.config().baseUrl() + " as " + self.selfId());
        Bus bus = BusFactory.newInstance().createBus();
        try {
            var login = CredentialFiles.readOutbound(self.keystores().outboundCredentials()).get(partnerId);
            var client = new PartnerClient(bus, self, keys, MessageCrypto.create(keys), partner, login, clock);
            var probes = new Probes(self.self(), partner.administration(), clock);
            var transport = new TransportChecks(keys, partner, sendCo, login);
            var http = new PartnerHttp(TlsMaterial.keyManagers(keys), PartnerServerTrust.forPartner(keys.trust(), partner.id(),
                    partner.tlsCertificates(), partner.config().trust().pinnedServerSha256()), login);
            var messages = new MessageChecks(client, http, probes, sendCo);
            List<CheckResult> results = new ArrayList<>();
            check(out, results, TransportChecks.HANDSHAKE, transport::handshake);
            check(out, results, TransportChecks.CLIENT_CERTIFICATE, () -> transport.clientCertificateRequired(probes.unsecuredEnvelope()));
            if (json) {
                var jsonChecks = new JsonChecks(http, probes, partner.config().operationUrl("json"));
                check(out, results, JsonChecks.SCHEMA, jsonChecks::schemaAdvertised);
                check(out, results, JsonChecks.UNSIGNED, jsonChecks::unsignedRequestRefused);
            } else {
                check(out, results, MessageChecks.POLICY, messages::policy);
                check(out, results, MessageChecks.UNSECURED, messages::unsecuredRequestRefused);
            }
            check(out, results, MessageChecks.ACKNOWLEDGEMENT, messages::signedAcknowledgement);
            check(out, results, MessageChecks.DUPLICATE, messages::duplicate);
            check(out, results, MessageChecks.REJECTED, messages::rejectedWithCodes);
            long failed = results.stream().filter(r -> !r.passed()).count();
            out.println(results.size() + " checks: " + (results.size() - failed) + " passed, " + failed + " failed");
            return results;
        } finally {
            bus.shutdown(true);
        }
    }

    private static void check(PrintStream out, List<CheckResult> results, String name, Supplier<CheckResult> check) {
        CheckResult result;
        try {
            result = check.get();
        } catch (RuntimeException e) {
            result = CheckResult.fail(name, "check crashed: " + e);
        }
        results.add(result);
        out.println(result.line());
    }
}
