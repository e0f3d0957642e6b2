package org.coconnect.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.coconnect.error.ErrorCode;

/**
 * An exporter in the approved-exporter scheme. Its lifecycle: APPLIED, then AUTHORISED (with an
 * authorisation code, from a date) or DENIED (with a reason); AUTHORISED, then REVOKED (from a date,
 * with a reason). Every other change is refused. Revoked exporters are kept: a DO made while the
 * exporter was approved stays valid after a revocation.
 *
 * @param revokedOn the first day the exporter is no longer approved, for REVOKED
 * @param reason    why the application was denied or the status revoked
 */
public record ApprovedExporter(String id, String name, ExporterStatus status, String authorisationCode,
                               LocalDate validFrom, LocalDate revokedOn, String reason) {

    private static final int MAX_NAME = 256;

    public ApprovedExporter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    /** A new application (A.1); the name must fit the list partners receive (at most 256 characters). */
    public static ApprovedExporter applied(String id, String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw refused(ErrorCode.LOCAL_INVALID_FIELD, "An exporter's name must be 1 to " + MAX_NAME + " characters.");
        }
        return new ApprovedExporter(id, name, ExporterStatus.APPLIED, null, null, null, null);
    }

    /** Accept the registration (A.3) and grant the authorisation code (A.4), valid from a date. */
    public ApprovedExporter authorise(String code, LocalDate from) {
        require(ExporterStatus.APPLIED, "authorised");
        if (code == null || code.isBlank() || from == null) {
            throw refused(ErrorCode.LOCAL_INVALID_FIELD, "An authorisation needs an authorisation code and a date from which it is valid.");
        }
        return new ApprovedExporter(id, name, ExporterStatus.AUTHORISED, code, from, null, null);
    }

    /** Refuse the application (A.5). */
    public ApprovedExporter deny(String why) {
        require(ExporterStatus.APPLIED, "denied");
        requireReason(why);
        return new ApprovedExporter(id, name, ExporterStatus.DENIED, null, null, null, why);
    }

    /** Withdraw the approval from a date on; it must be after the authorisation's first day. */
    public ApprovedExporter revoke(LocalDate on, String why) {
        require(ExporterStatus.AUTHORISED, "revoked");
        requireReason(why);
        if (on == null || !on.isAfter(validFrom)) {
            throw refused(ErrorCode.LOCAL_INVALID_FIELD, "A revocation date must lie after the authorisation's first day "
                    + validFrom + ".");
        }
        return new ApprovedExporter(id, name, ExporterStatus.REVOKED, authorisationCode, validFrom, on, why);
    }

    /** Whether the exporter was approved on this day: authorised by then and not yet revoked. */
    public boolean approvedOn(LocalDate day) {
        boolean everApproved = status == ExporterStatus.AUTHORISED || status == ExporterStatus.REVOKED;
        return everApproved && !day.isBefore(validFrom) && (revokedOn == null || day.isBefore(revokedOn));
    }

    /** Why a DO of this exporter made on {@code day} with {@code code} cannot be accepted, if it cannot. */
    public Optional<Problem> refusalFor(LocalDate day, String code, String location) {
        if (!approvedOn(day)) {
            return Optional.of(Problem.error(ErrorCode.EXPORTER_NOT_APPROVED, "Exporter " + id + " was not an approved exporter on "
                    + day + " (" + describe() + ").", location));
        }
        if (!authorisationCode.equals(code)) {
            return Optional.of(Problem.error(ErrorCode.AUTHORISATION_CODE_MISMATCH, "Authorisation code " + code
                    + " is not the code granted to exporter " + id + ".", location));
        }
        return Optional.empty();
    }

    /** The status in words, e.g. "authorised from 2025-01-01" or "revoked on 2025-06-01". */
    public String describe() {
        return switch (status) {
            case APPLIED -> "applied, not authorised";
            case DENIED -> "application denied";
            case AUTHORISED -> "authorised from " + validFrom;
            case REVOKED -> "authorised from " + validFrom + ", revoked on " + revokedOn;
        };
    }

    private void require(ExporterStatus expected, String change) {
        if (status != expected) {
            throw refused(ErrorCode.EXPORTER_STATUS_CONFLICT, "Exporter " + id + " is " + status + "; only an exporter "
                    + expected + " can be " + change + ".");
        }
    }

    private static void requireReason(String why) {
        if (why == null || why.isBlank()) {
            throw refused(ErrorCode.REASON_REQUIRED, "A denial or revocation must give its reason.");
        }
    }

    private static ExporterRegistryException refused(ErrorCode code, String text) {
        return new ExporterRegistryException(Problem.error(code, text, null));
    }
}
