package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.coconnect.domain.CertificateEvent;
import org.coconnect.domain.CertificateLifecycle;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.InvalidTransitionException;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.CertificateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds a stored CO and moves it through its lifecycle, turning refusals into problems with codes. */
final class CertificateTransitions {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateTransitions.class);

    private CertificateTransitions() {
    }

    /**
     * The CO version on one side, locked; refused as unknown when absent. Our own officers name a received CO by
     * issuing country and number: when two partners of that country both sent one, the lookup is refused as
     * ambiguous rather than acting on either.
     */
    static CertificateEntity find(EntityManager em, CertificateSide side, CertificateReference ref, String location) {
        if (side == CertificateSide.EXPORT) {
            return CertificateStore.findForUpdate(em, side, CertificateEntity.OWN_ISSUER, ref.issuingCountry(),
                    ref.number(), ref.version()).orElseThrow(() -> unknown(side, ref, location));
        }
        List<CertificateEntity> found = CertificateStore.matchingForUpdate(em, side, ref.issuingCountry(),
                ref.number(), ref.version());
        if (found.size() > 1) {
            throw new RejectionException(Problem.error(ErrorCode.CO_NUMBER_AMBIGUOUS, "CO " + ref + " was received from "
                    + found.stream().map(CertificateEntity::partnerId).toList() + "; it cannot be told apart by number.",
                    location));
        }
        return found.stream().findFirst().orElseThrow(() -> unknown(side, ref, location));
    }

    /**
     * As {@link #find}, and the CO must have been exchanged with this partner. A CO of another partner is
     * answered exactly like one that does not exist, so that no partner can learn which CO numbers exist; the
     * real reason (CC-5008) goes to our log only.
     */
    static CertificateEntity findWith(EntityManager em, String partnerId, CertificateSide side, CertificateReference ref,
                                      String location) {
        if (side == CertificateSide.IMPORT) {
            return CertificateStore.findForUpdate(em, side, partnerId, ref.issuingCountry(), ref.number(),
                    ref.version()).orElseThrow(() -> unknown(side, ref, location));
        }
        CertificateEntity co = find(em, side, ref, location);
        if (!co.partnerId().equals(partnerId)) {
            LOG.warn("{} {} asked about CO {}, which was exchanged with {}; answered as unknown",
                    ErrorCode.WRONG_PARTNER.code(), partnerId, ref, co.partnerId());
            throw unknown(side, ref, location);
        }
        return co;
    }

    private static RejectionException unknown(CertificateSide side, CertificateReference ref, String location) {
        return new RejectionException(Problem.error(ErrorCode.UNKNOWN_CERTIFICATE, "No CO " + ref + " is known here"
                + (side == CertificateSide.EXPORT ? " as issued by this administration." : " as received from a partner."),
                location));
    }

    static void apply(CertificateEntity co, CertificateEvent event, Instant now, String location) {
        try {
            co.moveTo(CertificateLifecycle.apply(co.state(), event), now);
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
