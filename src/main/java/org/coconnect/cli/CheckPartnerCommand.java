package org.coconnect.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.coconnect.conformance.CheckResult;
import org.coconnect.conformance.PartnerConformance;
import org.coconnect.config.ConfigException;
import org.coconnect.config.ConfigLoader;
import org.coconnect.config.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Checks whether a partner's endpoint conforms to the contract, check by check; exit code 0 only if all pass. */
@Command(name = "check-partner", description = {
        "Check a partner's endpoint, acting as this gateway: TLS and client certificate, the advertised policy,",
        "refusal of an unsecured request, a signed acknowledgement, DUPLICATE on a repeated message ID,",
        "REJECTED with codes on invalid input. Sends real messages: use a test environment.",
        "Exit code: 0 all checks passed, 1 a check failed, 2 configuration error."})
final class CheckPartnerCommand implements Callable<Integer> {

    @Mixin ConfigurationDirectoryOption conf;

    @Option(names = "--partner", required = true, description = "Partner ID as configured, e.g. ID-DJBC.")
    String partner;

    @Option(names = "--url", description = "Base URL to check instead of the configured one, e.g. https://test.example:8443.")
    URI url;

    @Override
    public Integer call() {
        GatewayConfig config;
        try {
            config = DemoKeys.prepare(new ConfigLoader(Path.of("").toAbsolutePath(), System.getenv()), conf.path());
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            return 2;
        }
        if (config.partners().stream().noneMatch(p -> p.id().equals(partner))) {
            System.err.println("Configuration error: no partner " + partner + " in " + conf.path().resolve("partners"));
            return 2;
        }
        if (url == null && config.partners().stream().anyMatch(p -> p.id().equals(partner) && p.mail() != null)) {
            System.err.println(partner + " is on the e-mail channel (partner.transport=smtp): these checks are for a web"
                    + " service; see docs/email-channel.md, or give --url");
            return 2;
        }
        return run(url == null ? config : withUrl(config, partner, url), partner);
    }

    /** Runs the checks and turns them into the exit code. */
    static int run(GatewayConfig config, String partnerId) {
        var results = new PartnerConformance(config, partnerId, Clock.systemUTC()).run(System.out);
        return results.stream().allMatch(CheckResult::passed) ? 0 : 1;
    }

    private static GatewayConfig withUrl(GatewayConfig config, String partnerId, URI url) {
        return config.withPartners(config.partners().stream()
                .map(p -> p.id().equals(partnerId) ? p.withEndpointUrl(url) : p)
                .toList());
    }
}
