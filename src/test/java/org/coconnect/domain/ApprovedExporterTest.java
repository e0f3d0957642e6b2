package org.coconnect.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.coconnect.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** The approved-exporter lifecycle (Annex IV, P.1) and what "approved on the DO's date" means. */
class ApprovedExporterTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate REVOKED_ON = LocalDate.of(2025, 6, 1);

    private static ApprovedExporter applied() {
        return ApprovedExporter.applied("KR-AE-1", "Hanbit Polymers");
    }

    private static ErrorCode refusal(Runnable change) {
        return assertThrows(ExporterRegistryException.class, change::run).problem().code();
    }

    @Test
    void anApplicationIsAuthorisedWithACodeFromADateOrDeniedWithAReason() {
        var authorised = applied().authorise("AUTH-1", FROM);
        assertEquals(ExporterStatus.AUTHORISED, authorised.status());
        assertEquals("AUTH-1", authorised.authorisationCode());
        assertEquals(FROM, authorised.validFrom());

        var denied = applied().deny("Records of origin are incomplete.");
        assertEquals(ExporterStatus.DENIED, denied.status());
        assertEquals("Records of origin are incomplete.", denied.reason());
        assertEquals(null, denied.authorisationCode());
    }

    @Test
    void onlyAnAuthorisedExporterIsRevokedAndTheCodeAndStartDateAreKept() {
        var revoked = applied().authorise("AUTH-1", FROM).revoke(REVOKED_ON, "Failed a verification.");
        assertEquals(ExporterStatus.REVOKED, revoked.status());
        assertEquals("AUTH-1", revoked.authorisationCode());
        assertEquals(FROM, revoked.validFrom());
        assertEquals(REVOKED_ON, revoked.revokedOn());
    }

    @Test
    void everyOtherTransitionIsRefusedWithTheStatusConflictCode() {
        var authorised = applied().authorise("AUTH-1", FROM);
        var denied = applied().deny("No.");
        var revoked = authorised.revoke(REVOKED_ON, "Gone.");
        assertEquals(ErrorCode.EXPORTER_STATUS_CONFLICT, refusal(() -> applied().revoke(REVOKED_ON, "Never authorised.")));
        assertEquals(ErrorCode.EXPORTER_STATUS_CONFLICT, refusal(() -> authorised.authorise("AUTH-2", FROM)));
        assertEquals(ErrorCode.EXPORTER_STATUS_CONFLICT, refusal(() -> authorised.deny("Too late.")));
        assertEquals(ErrorCode.EXPORTER_STATUS_CONFLICT, refusal(() -> denied.authorise("AUTH-1", FROM)));
        assertEquals(ErrorCode.EXPORTER_STATUS_CONFLICT, refusal(() -> revoked.revoke(REVOKED_ON.plusDays(1), "Again.")));
        assertEquals(ErrorCode.EXPORTER_STATUS_CONFLICT, refusal(() -> revoked.authorise("AUTH-3", REVOKED_ON)));
    }

    @Test
    void aDenialOrRevocationNeedsAReasonAndARevocationADateAfterTheStart() {
        assertEquals(ErrorCode.REASON_REQUIRED, refusal(() -> applied().deny(" ")));
        var authorised = applied().authorise("AUTH-1", FROM);
        assertEquals(ErrorCode.REASON_REQUIRED, refusal(() -> authorised.revoke(REVOKED_ON, null)));
        assertEquals(ErrorCode.LOCAL_INVALID_FIELD, refusal(() -> authorised.revoke(FROM, "Same day.")));
        assertEquals(ErrorCode.LOCAL_INVALID_FIELD, refusal(() -> applied().authorise("", FROM)));
        assertEquals(ErrorCode.LOCAL_INVALID_FIELD, refusal(() -> ApprovedExporter.applied("KR-AE-2", "x".repeat(257))));
    }

    @Test
    void approvedFromTheFirstDayUpToButNotIncludingTheRevocationDay() {
        var revoked = applied().authorise("AUTH-1", FROM).revoke(REVOKED_ON, "Gone.");
        assertFalse(revoked.approvedOn(FROM.minusDays(1)));
        assertTrue(revoked.approvedOn(FROM));
        assertTrue(revoked.approvedOn(REVOKED_ON.minusDays(1)));
        assertFalse(revoked.approvedOn(REVOKED_ON));
        assertFalse(applied().approvedOn(FROM));
        assertFalse(applied().deny("No.").approvedOn(FROM));
        assertTrue(applied().authorise("AUTH-1", FROM).approvedOn(FROM.plusYears(10)));
    }

    @Test
    void aDoIsRefusedForTheDateFirstThenForTheCode() {
        var authorised = applied().authorise("AUTH-1", FROM);
        assertEquals(Optional.empty(), authorised.refusalFor(FROM, "AUTH-1", "/x"));
        assertEquals(ErrorCode.AUTHORISATION_CODE_MISMATCH, authorised.refusalFor(FROM, "AUTH-9", "/x").orElseThrow().code());
        assertEquals(ErrorCode.EXPORTER_NOT_APPROVED,
                authorised.refusalFor(FROM.minusDays(1), "AUTH-9", "/x").orElseThrow().code());
        assertEquals("/x", authorised.refusalFor(FROM, "AUTH-9", "/x").orElseThrow().location());
    }
}
