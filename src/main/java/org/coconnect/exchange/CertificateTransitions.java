package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.coconnect.domain.CertificateEvent;
import org.coconnect.domain.CertificateLifecycle;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.InvalidTransitionException;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.CertificateStore;

/** Finds a stored CO and moves it through its lifecycle, turning refusals into problems with codes. */
final class CertificateTransitions {

    private CertificateTransitions() {
    }

    /** The CO version on one side, locked; refused as unknown when absent. */
    static CertificateEntity find(EntityManager em, CertificateSide side, CertificateReference ref, String location) {
        return CertificateStore.findForUpdate(em, side.name(), ref.issuingCountry(), ref.number(), ref.version())
                .orElseThrow(() -> new RejectionException(Problem.error(ErrorCode.UNKNOWN_CERTIFICATE,
                        "No CO " + ref + " is known here" + (side == CertificateSide.EXPORT
                                ? " as issued by this administration." : " as received from a partner."), location)));
    }

    /** As {@link #find}, and the CO must have been exchanged with this partner. */
    static CertificateEntity findWith(EntityManager em, String partnerId, CertificateSide side, CertificateReference ref,
                                      String location) {
        CertificateEntity co = find(em, side, ref, location);
        if (!co.partnerId().equals(partnerId)) {
            throw new RejectionException(Problem.error(ErrorCode.WRONG_PARTNER,
                    "CO " + ref + " was not exchanged with " + partnerId + ".", location));
        }
        return co;
    }

    static CertificateState state(CertificateEntity co) {
        return CertificateState.valueOf(co.state());
    }

    static void apply(CertificateEntity co, CertificateEvent event, Instant now, String location) {
        try {
            co.moveTo(CertificateLifecycle.apply(state(co), event).name(), now);
        } catch (InvalidTransitionException e) {
            throw new RejectionException(Problem.error(ErrorCode.INVALID_TRANSITION,
                    "CO " + reference(co) + " is " + co.state() + "; " + event + " is not possible in that state.",
                    location));
        }
    }

    static CertificateReference reference(CertificateEntity co) {
        return new CertificateReference(co.issuingCountry(), co.number(), co.version());
    }
}
