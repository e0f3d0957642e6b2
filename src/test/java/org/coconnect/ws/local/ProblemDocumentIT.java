package org.coconnect.ws.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.coconnect.Gateway;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal of the local interface is a problem document (RFC 9457) carrying our error code, over real HTTP. */
class ProblemDocumentIT {

    @TempDir
    static Path dir;
    static Gateway kr;
    static LocalHttp http;

    @BeforeAll
    static void start() {
        kr = TestGateways.start(TestGateways.configs(dir).get(0));
        http = new LocalHttp(kr);
    }

    @AfterAll
    static void stop() {
        if (kr != null) kr.close();
    }

    static void assertProblem(LocalHttp.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals("application/problem+json;charset=utf-8", reply.header("Content-Type").replace(" ", ""));
        var json = reply.json();
        assertEquals("urn:coconnect:error:" + code, json.get("type"), reply.body());
        assertEquals(status, ((Number) json.get("status")).intValue());
        assertEquals(code, json.get("code"));
        assertNotNull(json.get("title"));
        assertNotNull(json.get("detail"));
        assertEquals(code, reply.codes().get(0));
    }

    @Test
    void noTokenIs401Problem() {
        assertProblem(http.post("/claims", "application/json", "{}", Optional.empty()), 401, "CC-7001");
    }

    @Test
    void unknownPathIs404Problem() {
        assertProblem(http.get("/nothing-here"), 404, "CC-7002");
    }

    @Test
    void unknownCertificateIs404ProblemWithTheGatewaysCode() {
        assertProblem(http.get("/certificates/KR/NO-SUCH-CO/1"), 404, "CC-5005");
    }

    @Test
    void wrongMethodIs405Problem() {
        var reply = http.post("/health", "application/json", "{}", Optional.of(TestGateways.LOCAL_TOKEN));
        assertProblem(reply, 405, "CC-7002");
    }

    @Test
    void malformedJsonIs400Problem() {
        assertProblem(http.postJson("/claims", "{\"issuingCountry\": "), 400, "CC-7002");
    }

    @Test
    void everyProblemOfARefusedRequestIsListed() {
        var reply = http.postJson("/claims", "{\"issuingCountry\": \"K1\"}");
        assertProblem(reply, 422, "CC-7003");
        assertEquals(List.of("CC-7003", "CC-7003", "CC-7003"), reply.codes(), reply.body());
    }

    @Test
    void schemaInvalidCoIs422ProblemWithTheSchemaCode() {
        assertProblem(http.postXml("/certificates", "<notACo/>"), 422, "CC-2001");
    }
}
