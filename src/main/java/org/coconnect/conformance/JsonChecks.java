package org.coconnect.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.coconnect.ws.JsonCodec;

/**
 * The checks that differ for a partner on the JSON API (docs/json-api.md): its JSON Schema is published
 * (where SOAP advertises a policy in its WSDL), and a body that is not a signed JWS is refused unprocessed.
 */
final class JsonChecks {

    static final String SCHEMA = "json-schema-advertised";
    static final String UNSIGNED = "unsigned-request-refused";
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private final PartnerHttp http;
    private final Probes probes;
    private final URI base;

    /** @param base the partner's JSON API, {base}/json */
    JsonChecks(PartnerHttp http, Probes probes, URI base) {
        this.http = http;
        this.probes = probes;
        this.base = base;
    }

    /** GET {base}/json/schema/send-co.schema.json answers a JSON Schema 2020-12 document. */
    CheckResult schemaAdvertised() {
        URI schema = URI.create(base + "/schema/send-co.schema.json");
        try {
            PartnerHttp.Answer answer = http.get(schema);
            if (answer.status() != 200) {
                return CheckResult.fail(SCHEMA, "GET " + schema + " answered HTTP " + answer.status());
            }
            JsonNode json = JsonCodec.mapper().readTree(answer.body());
            return DRAFT_2020_12.equals(json.path("$schema").asText())
                    ? CheckResult.pass(SCHEMA, schema + " is a JSON Schema 2020-12")
                    : CheckResult.fail(SCHEMA, schema + " is not a JSON Schema 2020-12 document");
        } catch (IOException e) {
            return CheckResult.fail(SCHEMA, "no readable JSON Schema at " + schema + ": " + e.getMessage());
        }
    }

    /** A valid send-co in a JWS with alg "none" must be refused (HTTP 4xx), never acknowledged. */
    CheckResult unsignedRequestRefused() {
        URI sendCo = URI.create(base + "/send-co");
        try {
            String payload = JsonCodec.mapper().writeValueAsString(JsonCodec.requestToJson(
                    org.coconnect.domain.Operation.SEND_CO, probes.validSendCo(java.util.UUID.randomUUID())));
            var encoder = Base64.getUrlEncoder().withoutPadding();
            String unsigned = encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
            PartnerHttp.Answer answer = http.postJose(sendCo, unsigned);
            return answer.status() >= 400 && answer.status() < 500
                    ? CheckResult.pass(UNSIGNED, "an unsigned (alg none) send-co answered HTTP " + answer.status())
                    : CheckResult.fail(UNSIGNED, "an unsigned (alg none) send-co answered HTTP " + answer.status()
                            + ", expected a refusal (4xx)");
        } catch (IOException e) {
            return CheckResult.fail(UNSIGNED, "POST " + sendCo + " failed: " + e.getMessage());
        }
    }
}
