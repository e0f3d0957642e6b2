package org.coconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.coconnect.Gateway;
import org.coconnect.conformance.CheckResult;
import org.coconnect.conformance.PartnerConformance;
import org.coconnect.support.JsonPartner;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-partner, run as KR-KCS against an ID-DJBC gateway both configured for the JSON API, speaks JSON and passes. */
class CheckPartnerJsonIT {

    private static final List<String> CHECKS = List.of("tls-handshake", "tls-client-certificate-required",
            "json-schema-advertised", "unsigned-request-refused", "signed-acknowledgement", "duplicate-message-id",
            "rejected-with-codes");

    @TempDir
    Path dir;

    @Test
    void everyCheckPassesAgainstOurOwnGatewayOverJson() {
        var configs = JsonPartner.onJson(TestGateways.configs(dir), true);
        try (Gateway id = TestGateways.start(configs.get(1))) {
            var out = new ByteArrayOutputStream();
            List<CheckResult> results = new PartnerConformance(configs.get(0), TestGateways.ID_ID, Clock.systemUTC())
                    .run(new PrintStream(out, true, StandardCharsets.UTF_8));
            String report = out.toString(StandardCharsets.UTF_8);
            assertEquals(CHECKS, results.stream().map(CheckResult::name).toList(), report);
            assertTrue(results.stream().allMatch(CheckResult::passed), report);
            assertTrue(report.contains("7 checks: 7 passed, 0 failed"), report);
            assertTrue(report.contains("CC-2101"), "the schema problems come back at JSON Pointers: " + report);
        }
    }
}
