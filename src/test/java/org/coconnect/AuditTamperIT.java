package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coconnect.audit.AuditCheckpoint;
import org.coconnect.audit.AuditCheckpoints;
import org.coconnect.audit.AuditLog;
import org.coconnect.cli.CoConnectCommand;
import org.coconnect.config.GatewayConfig;
import org.coconnect.security.GatewayKeys;
import org.coconnect.support.AuditForger;
import org.coconnect.support.GatewayProcess;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Someone who can write the database rewrites the audit chain with every hash and the head row recomputed:
 * each tampering is caught by the signed checkpoints kept outside the database. One attack per test.
 */
class AuditTamperIT {

    @TempDir
    Path dir;
    List<GatewayConfig> configs;
    Gateway id;
    AuditForger forger;
    /** Records chained before the test's own (whatever the gateway audited while starting). */
    long base;

    @BeforeEach
    void start() {
        configs = TestGateways.configs(dir);
        id = TestGateways.start(configs.get(1));
        forger = new AuditForger(id.database().dataSource());
        id.audit().chain();
        base = ((Number) id.database().inTransaction(em -> em.createNativeQuery(
                "select last_seq from audit_chain_head").getSingleResult())).longValue();
    }

    @AfterEach
    void stop() {
        if (id != null) id.close();
    }

    private void operatorActions(int count) {
        for (int i = 0; i < count; i++) {
            id.audit().record(AuditLog.Kind.ADMIN, null, null, "operator action " + i);
        }
    }

    @Test
    void aCleanChainWithAnUnsignedTailVerifies() {
        operatorActions(5);
        id.auditTrail().checkpointNow();
        operatorActions(2);
        id.audit().chain();

        AuditLog.Verification v = id.auditTrail().verify();

        assertTrue(v.intact(), v.reason());
        assertEquals(base + 7, v.checked());
    }

    @Test
    void rewritingTheTailAndTheHeadRowIsDetected() throws Exception {
        operatorActions(5);
        id.auditTrail().checkpointNow();
        forger.rewrite(base + 5, "nothing happened");

        AuditLog.Verification v = id.auditTrail().verify();

        assertEquals(base + 5, v.firstBrokenSeq().orElseThrow(), v.reason());
        assertTrue(v.reason().contains("signed checkpoint"), v.reason());
    }

    @Test
    void truncatingTheChainIsDetected() throws Exception {
        operatorActions(5);
        id.auditTrail().checkpointNow();
        forger.truncate(base + 3);

        AuditLog.Verification v = id.auditTrail().verify();

        assertEquals(base + 4, v.firstBrokenSeq().orElseThrow(), v.reason());
        assertTrue(v.reason().contains("truncated"), v.reason());
    }

    @Test
    void aBackDatedEventInsertedAfterTheLastCheckpointIsDetected() throws Exception {
        operatorActions(5);
        id.auditTrail().checkpointNow();
        forger.append(Instant.now().minus(Duration.ofDays(2)), "export licence checked by an officer");

        AuditLog.Verification v = id.auditTrail().verify();

        assertEquals(base + 6, v.firstBrokenSeq().orElseThrow(), v.reason());
        assertTrue(v.reason().contains("back-dated"), v.reason());
    }

    @Test
    void editingAMiddleEventIsDetectedEvenWithEveryHashRecomputed() throws Exception {
        operatorActions(5);
        id.auditTrail().checkpointNow();
        operatorActions(3);
        id.auditTrail().checkpointNow();
        forger.rewrite(base + 3, "operator action edited");

        AuditLog.Verification v = id.auditTrail().verify();

        assertFalse(v.intact(), v.reason());
        assertEquals(base + 5, v.firstBrokenSeq().orElseThrow(), "the first signed record after the edit: " + v.reason());
        assertTrue(v.reason().contains("rewritten"), v.reason());
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() throws Exception {
        operatorActions(3);
        id.auditTrail().checkpointNow();
        operatorActions(1);
        id.audit().chain();
        var other = GatewayKeys.load(configs.get(0).keystores());
        new AuditCheckpoints(id.config().audit().checkpointFile()).append(AuditCheckpoint.sign(base + 4, "f".repeat(64),
                Instant.now().plusSeconds(1), other.signingKey(), other.signingCertificate()));

        AuditLog.Verification v = id.auditTrail().verify();

        assertEquals(base + 4, v.firstBrokenSeq().orElseThrow(), v.reason());
        assertTrue(v.reason().contains("not signed by the signing certificate"), v.reason());
    }

    @Test
    void auditVerifyLinksNothingAndWritesNothing() throws Exception {
        operatorActions(4);
        GatewayConfig config = id.config();
        id.close();
        id = null;
        Path checkpoints = config.audit().checkpointFile();
        byte[] signedBefore = Files.readAllBytes(checkpoints);
        try (var c = DriverManager.getConnection(config.database().jdbcUrl(), config.database().user(),
                config.database().password())) {
            c.createStatement().executeUpdate(
                    "insert into audit_event (at, kind, detail) values (current_timestamp, 'ADMIN', 'not yet chained')");
        }
        Path conf = GatewayProcess.writeConf(dir, "id", config, Map.of("audit.checkpoint.file", checkpoints.toString()));
        var out = new StringWriter();

        int exit = new CommandLine(new CoConnectCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out))
                .execute("audit-verify", "--conf", conf.toString());

        assertEquals(0, exit, out.toString());
        assertTrue(out.toString().startsWith("Audit chain intact; signed up to record " + (base + 4)), out.toString());
        assertArrayEquals(signedBefore, Files.readAllBytes(checkpoints), "no checkpoint written");
        try (var c = DriverManager.getConnection(config.database().jdbcUrl(), config.database().user(),
                config.database().password());
             var rs = c.createStatement().executeQuery("select count(*) from audit_event where chain_seq is null")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the unchained event stays unchained");
        }
    }
}
