package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.OriginTreatmentFeedback;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.RejectionException;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestDatabase;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A CO's whole life between two gateways (KR exports, ID imports) over real HTTPS and WS-Security, with
 * both gateways on H2 and then both on PostgreSQL.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class LifecycleIT {

    @Parameter
    TestDatabase database;
    @TempDir
    static Path dir;
    static Gateway kr;
    static Gateway id;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        var configs = TestGateways.configs(dir.resolve(database.name()), database);
        kr = TestGateways.start(configs.get(0));
        id = TestGateways.start(configs.get(1));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (kr != null) kr.close();
        if (id != null) id.close();
    }

    static CertificateReference issue(String number, int version) {
        String xml = OutboundPayloadWriter.text(SampleCertificate.create(number, version, "KR", "ID", 2,
                Instant.now().minusSeconds(30)));
        var read = CertificateReader.read(xml);
        var issued = kr.useCases().issueCertificate().issue(read.certificate(), read.xml());
        kr.deliverDue();
        return issued.certificate();
    }

    static CertificateEntity row(Gateway g, String side, String number, int version) {
        return StoredRows.certificates(g).stream()
                .filter(c -> c.side().name().equals(side) && c.number().equals(number) && c.version() == version)
                .findFirst().orElseThrow(() -> new AssertionError("no " + side + " " + number + " v" + version));
    }

    @Test
    void anIssuedCoIsPushedAcknowledgedClaimedAndTheTreatmentReportedBack() {
        var ref = issue("KR-LIFE-1", 1);
        assertEquals(CertificateState.ACKNOWLEDGED, row(kr, "EXPORT", "KR-LIFE-1", 1).state());
        assertEquals(CertificateState.RECEIVED, row(id, "IMPORT", "KR-LIFE-1", 1).state());

        id.useCases().claimPreference().claim("KR", "KR-LIFE-1", "ID-DECL-001");
        id.useCases().decideTreatment().decide(ref, OriginTreatmentFeedback.Decision.GRANTED, null);
        id.deliverDue();

        assertEquals(CertificateState.TREATMENT_GRANTED, row(id, "IMPORT", "KR-LIFE-1", 1).state());
        CertificateEntity exported = row(kr, "EXPORT", "KR-LIFE-1", 1);
        assertEquals("GRANTED", exported.treatmentDecision());
        assertEquals("ID-DECL-001", exported.declarationNumber());
    }

    @Test
    void anUnusedCoIsCancelledOnRequestAndTheAmendedVersionReplacesIt() {
        var v1 = issue("KR-AMEND-2", 1);
        kr.useCases().requestCancellation().request(v1, "Invoice number corrected");
        kr.deliverDue();                 // notification to ID, which accepts at once and queues the status
        assertEquals(CertificateState.CANCELLED, row(id, "IMPORT", "KR-AMEND-2", 1).state());
        id.deliverDue();                 // the status back to KR
        assertEquals(CertificateState.CANCELLED, row(kr, "EXPORT", "KR-AMEND-2", 1).state());

        issue("KR-AMEND-2", 2);
        assertEquals(CertificateState.SUPERSEDED, row(kr, "EXPORT", "KR-AMEND-2", 1).state());
        assertEquals(CertificateState.ACKNOWLEDGED, row(kr, "EXPORT", "KR-AMEND-2", 2).state());
        assertEquals(CertificateState.RECEIVED, row(id, "IMPORT", "KR-AMEND-2", 2).state());
    }

    @Test
    void aCancellationOfAClaimedCoIsDeclinedWithTheDeclarationAndTheCoStaysValid() {
        var ref = issue("KR-DECLINE-1", 1);
        id.useCases().claimPreference().claim("KR", "KR-DECLINE-1", "ID-DECL-777");
        kr.useCases().requestCancellation().request(ref, "Exporter wants to change the consignee");
        kr.deliverDue();
        id.deliverDue();

        CertificateEntity exported = row(kr, "EXPORT", "KR-DECLINE-1", 1);
        assertEquals(CertificateState.ACKNOWLEDGED, exported.state());
        assertEquals("ID-DECL-777", exported.declarationNumber());
        assertTrue(exported.decisionReason().contains("ID-DECL-777"), exported.decisionReason());
        assertEquals(CertificateState.CLAIMED, row(id, "IMPORT", "KR-DECLINE-1", 1).state());
    }

    @Test
    void aClaimBeforeTheCoArrivesIsMatchedOnArrival() {
        var pending = id.useCases().claimPreference().claim("KR", "KR-EARLY-1", "ID-DECL-900");
        assertTrue(pending.isEmpty(), "kept pending");
        issue("KR-EARLY-1", 1);

        CertificateEntity received = row(id, "IMPORT", "KR-EARLY-1", 1);
        assertEquals(CertificateState.CLAIMED, received.state());
        assertEquals("ID-DECL-900", received.declarationNumber());
    }

    @Test
    void aNewVersionBeforeTheOldOneIsCancelledIsRefusedAndChangesNothing() {
        issue("KR-EARLY-V2", 1);
        String xml = OutboundPayloadWriter.text(SampleCertificate.create("KR-EARLY-V2", 2, "KR", "ID", 1, Instant.now()));
        var read = CertificateReader.read(xml);
        var e = assertThrows(RejectionException.class, () -> kr.useCases().issueCertificate().issue(read.certificate(), read.xml()));
        assertEquals(ErrorCode.VERSION_NOT_NEXT, e.problems().get(0).code());
        assertTrue(StoredRows.certificates(kr).stream().noneMatch(c -> c.number().equals("KR-EARLY-V2") && c.version() == 2));
    }

    @Test
    void feedbackOnATreatmentNotYetClaimedIsRefused() {
        var ref = issue("KR-NOCLAIM-1", 1);
        var e = assertThrows(RejectionException.class,
                () -> id.useCases().decideTreatment().decide(ref, OriginTreatmentFeedback.Decision.REJECTED, "Origin criterion not met"));
        assertEquals(ErrorCode.INVALID_TRANSITION, e.problems().get(0).code());
    }
}
