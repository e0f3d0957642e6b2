package org.coconnect.exchange;

import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.CertificateEntity;

/**
 * What applying an inbound message did: the CO row (null for a message about no CO), whether it was a
 * business duplicate, and the note that says so in the acknowledgement.
 */
record InboundOutcome(CertificateEntity certificate, boolean businessDuplicate, Problem duplicateNote) {

    /** A message about a CO, applied. */
    static InboundOutcome applied(CertificateEntity certificate) {
        return new InboundOutcome(certificate, false, null);
    }

    /** A CO version already held: not stored again. */
    static InboundOutcome duplicateOf(CertificateEntity certificate) {
        return new InboundOutcome(certificate, true, Problem.warning(ErrorCode.BUSINESS_DUPLICATE, "CO "
                + certificate.issuingCountry() + ":" + certificate.number() + " v" + certificate.version()
                + " was already received; it is not stored again.", "/m:send-co/co:CertificateOfOrigin"));
    }

    /** A message about no CO, applied. */
    static InboundOutcome applied() {
        return new InboundOutcome(null, false, null);
    }

    /** A message about no CO whose business content is already held. */
    static InboundOutcome duplicate(Problem note) {
        return new InboundOutcome(null, true, note);
    }
}
