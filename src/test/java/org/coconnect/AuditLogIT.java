package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.coconnect.audit.AuditLog;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log records every exchange and refusal, and a verification names the first tampered record. */
class AuditLogIT {

    @TempDir
    Path dir;

    private static void exchange(Gateway kr, int count) throws Exception {
        var client = kr.client(TestGateways.ID_ID);
        for (int i = 0; i < count; i++) {
            client.sendCertificate(client.newHeader(UUID.randomUUID(), null),
                    SampleCertificate.create("KR-AUDIT-" + i, 1, "KR", i == count - 1 ? "SG" : "ID", 1, Instant.now()));
        }
    }

    private static void sql(Gateway g, String statement) {
        g.database().inTransaction(em -> em.createNativeQuery(statement).executeUpdate());
    }

    @Test
    void everyInboundExchangeAndRefusalIsRecordedAndTheChainVerifies() throws Exception {
        var configs = TestGateways.configs(dir);
        try (Gateway kr = TestGateways.start(configs.get(0)); Gateway id = TestGateways.start(configs.get(1))) {
            exchange(kr, 4);                      // three accepted, the last one rejected (importing country SG)
            id.auditTrail().checkpointNow();
            var kinds = id.database().inTransaction(em -> em.createNativeQuery(
                    "select kind, count(*) from audit_event group by kind order by kind").getResultList());
            assertTrue(kinds.stream().anyMatch(r -> "INBOUND".equals(((Object[]) r)[0]) && ((Number) ((Object[]) r)[1]).intValue() == 3),
                    kinds::toString);
            assertTrue(kinds.stream().anyMatch(r -> "REFUSAL".equals(((Object[]) r)[0])), kinds::toString);
            AuditLog.Verification v = id.auditTrail().verify();
            assertTrue(v.intact(), v.reason());
            assertTrue(v.checked() >= 5, "accepted, refused and alert records: " + v.checked());
        }
    }

    @Test
    void aChangedRecordIsNamedAsTheFirstBrokenOne() throws Exception {
        var configs = TestGateways.configs(dir);
        try (Gateway kr = TestGateways.start(configs.get(0)); Gateway id = TestGateways.start(configs.get(1))) {
            exchange(kr, 3);
            id.auditTrail().checkpointNow();
            sql(id, "update audit_event set detail = 'send-co answered ACCEPTED (edited)' where chain_seq = 2");
            AuditLog.Verification v = id.auditTrail().verify();
            assertEquals(2L, v.firstBrokenSeq().orElseThrow());
            assertTrue(v.reason().contains("does not match its hash"), v.reason());
        }
    }

    @Test
    void aDeletedRecordIsNamed() throws Exception {
        var configs = TestGateways.configs(dir);
        try (Gateway kr = TestGateways.start(configs.get(0)); Gateway id = TestGateways.start(configs.get(1))) {
            exchange(kr, 3);
            id.auditTrail().checkpointNow();
            sql(id, "delete from audit_event where chain_seq = 2");
            AuditLog.Verification v = id.auditTrail().verify();
            assertEquals(2L, v.firstBrokenSeq().orElseThrow());
            assertTrue(v.reason().contains("missing"), v.reason());
        }
    }

    @Test
    void aRecordCutFromTheEndIsNoticed() throws Exception {
        var configs = TestGateways.configs(dir);
        try (Gateway kr = TestGateways.start(configs.get(0)); Gateway id = TestGateways.start(configs.get(1))) {
            exchange(kr, 2);
            id.auditTrail().checkpointNow();
            sql(id, "delete from audit_event where chain_seq = (select max(chain_seq) from audit_event)");
            assertTrue(id.auditTrail().verify().firstBrokenSeq().isPresent());
        }
    }
}
