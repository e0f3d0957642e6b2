package org.coconnect.ws.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coconnect.Gateway;
import org.coconnect.config.LocalClientConfig;
import org.coconnect.config.LocalScope;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One credential per client, each with its scopes: a call outside them is refused 403 naming the scope, changes
 * nothing, and every change names the client and its user in the audit log. Over real HTTP on loopback.
 */
class ClientScopesIT {

    static final String ISSUER = "issuer-credential-0123456789abcdef0123456789";
    static final String CUSTOMS = "customs-credential-0123456789abcdef0123456789";
    static final String MONITOR = "monitor-credential-0123456789abcdef0123456789";

    @TempDir
    static Path dir;
    static Gateway kr;
    static LocalHttp http;

    static String sha256(String credential) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(credential.getBytes(StandardCharsets.UTF_8)));
    }

    @BeforeAll
    static void start() throws Exception {
        var config = TestGateways.configs(dir).get(0);
        var clients = List.of(
                new LocalClientConfig("issuer", sha256(ISSUER), Set.of(LocalScope.ISSUE, LocalScope.READ), null, Map.of()),
                new LocalClientConfig("customs", sha256(CUSTOMS), Set.of(LocalScope.DECIDE, LocalScope.READ), null,
                        Map.of()),
                new LocalClientConfig("monitor", sha256(MONITOR), Set.of(LocalScope.MONITOR), null, Map.of()));
        kr = TestGateways.start(config.withLocalApi(config.localApi().withClients(clients)));
        http = new LocalHttp(kr);
    }

    @AfterAll
    static void stop() {
        if (kr != null) kr.close();
    }

    static List<String> auditDetails() {
        return kr.database().inTransaction(em -> em.createQuery("select e.detail from AuditEventEntity e order by e.id",
                String.class).getResultList());
    }

    @Test
    void theCustomsSystemCannotIssueA403NamesTheMissingScopeAndNothingIsStored() {
        var reply = http.as(CUSTOMS, null, "POST", "/certificates", "application/xml",
                LocalInterfaceIT.certificateXml("KR-SCOPE-1"));

        ProblemDocumentIT.assertProblem(reply, 403, "CC-5301");
        assertEquals("issue", reply.json().get("missingScope"));
        assertTrue(reply.json().get("detail").toString().contains("'issue'"), reply.body());
        assertTrue(reply.header("WWW-Authenticate").contains("scope=\"issue\""));
        assertTrue(StoredRows.certificates(kr).stream().noneMatch(c -> c.number().equals("KR-SCOPE-1")));
    }

    @Test
    void monitoringReadsHealthButNotCertificatesNorDeliveries() {
        assertEquals(200, http.as(MONITOR, null, "GET", "/health", null, null).status());
        assertEquals(200, http.as(MONITOR, null, "GET", "/metrics", null, null).status());

        var certificates = http.as(MONITOR, null, "GET", "/certificates", null, null);
        ProblemDocumentIT.assertProblem(certificates, 403, "CC-5301");
        assertEquals("read", certificates.json().get("missingScope"));
        var resend = http.as(MONITOR, null, "POST", "/deliveries/none/resend", "application/json", "{}");
        assertEquals("operate", resend.json().get("missingScope"));
    }

    @Test
    void theIssuingSystemCannotClaimOrDecide() {
        var claim = http.as(ISSUER, null, "POST", "/claims", "application/json",
                "{\"issuingCountry\":\"ID\",\"certificateNumber\":\"X-1\",\"declarationNumber\":\"D-1\"}");
        ProblemDocumentIT.assertProblem(claim, 403, "CC-5301");
        assertEquals("decide", claim.json().get("missingScope"));
    }

    @Test
    void anIssueNamesTheClientAndItsUserInTheAuditLog() {
        var reply = http.as(ISSUER, "clerk-7", "POST", "/certificates", "application/xml",
                LocalInterfaceIT.certificateXml("KR-SCOPE-AUDIT"));

        assertEquals(201, reply.status(), reply.body());
        String messageId = reply.json().get("messageId").toString();
        assertTrue(auditDetails().stream().anyMatch(d -> d.contains("POST /certificates answered 201")
                && d.contains("KR-SCOPE-AUDIT") && d.endsWith("[client=issuer user=clerk-7]")), auditDetails().toString());
        String queued = kr.database().inTransaction(em -> em.createQuery("select e.detail from AuditEventEntity e "
                + "where e.messageId = :id and e.detail like 'send-co queued%'", String.class)
                .setParameter("id", messageId).getSingleResult());
        assertEquals("send-co queued [client=issuer user=clerk-7]", queued, "audited in the issue's own transaction");
    }

    @Test
    void aClaimNamesTheCustomsClientInTheAuditLog() {
        var reply = http.as(CUSTOMS, "officer-3", "POST", "/claims", "application/json",
                "{\"issuingCountry\":\"ID\",\"certificateNumber\":\"ID-AUDIT-1\",\"declarationNumber\":\"D-9\"}");

        assertEquals(202, reply.status(), reply.body());
        assertTrue(auditDetails().contains("declaration D-9 claims preference on CO ID:ID-AUDIT-1 (pending its arrival)"
                + " [client=customs user=officer-3]"), auditDetails().toString());
    }

    @Test
    void aMalformedUserIdIsRefused400AndChangesNothing() {
        var reply = http.as(ISSUER, "u".repeat(200), "POST", "/certificates", "application/xml",
                LocalInterfaceIT.certificateXml("KR-SCOPE-USER"));

        ProblemDocumentIT.assertProblem(reply, 400, "CC-5302");
        assertTrue(StoredRows.certificates(kr).stream().noneMatch(c -> c.number().equals("KR-SCOPE-USER")));
    }

    @Test
    void aCredentialOfNoClientIsRefused401() {
        var reply = http.as(CUSTOMS + "x", null, "GET", "/certificates", null, null);
        ProblemDocumentIT.assertProblem(reply, 401, "CC-7001");
    }

    @Test
    void everyRouteButTheOpenApiDocumentNeedsAScope() throws Exception {
        for (Class<?> resource : LocalRoutes.RESOURCES) {
            for (var method : resource.getDeclaredMethods()) {
                boolean route = method.isAnnotationPresent(jakarta.ws.rs.Path.class);
                if (route && !method.getName().equals("openApi")) {
                    assertNotNull(method.getAnnotation(RequiresScope.class), resource.getSimpleName() + "." + method.getName());
                }
            }
        }
    }
}
