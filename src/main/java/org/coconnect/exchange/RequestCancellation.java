package org.coconnect.exchange;

import java.time.Clock;
import java.util.UUID;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.CancellationNotification;
import org.coconnect.domain.CertificateEvent;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.Operation;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.persistence.Database;

/** Trigger T2: the applicant asked to amend a CO; the importing side is notified of its cancellation. */
public final class RequestCancellation {

    private final Database database;
    private final PartnerDirectory partners;
    private final Outgoing outgoing;
    private final Clock clock;

    public RequestCancellation(Database database, PartnerDirectory partners, Outgoing outgoing, Clock clock) {
        this.database = database;
        this.partners = partners;
        this.outgoing = outgoing;
        this.clock = clock;
    }

    /** Returns the ID of the queued send-amendment-notification. */
    public UUID request(CertificateReference certificate, String reason) {
        return database.inTransaction(em -> {
            var now = clock.instant();
            var co = CertificateTransitions.find(em, CertificateSide.EXPORT, certificate, null);
            CertificateTransitions.apply(co, CertificateEvent.REQUEST_CANCELLATION, now, null);
            co.recordCancellationReason(reason);
            AdministrationId to = partners.byId(co.partnerId()).orElseThrow().administration();
            return outgoing.message(em, new Outgoing.PartnerRef(co.partnerId(), to), Operation.SEND_AMENDMENT_NOTIFICATION,
                    co.id(), new CancellationNotification(certificate, reason, now), null);
        });
    }
}
