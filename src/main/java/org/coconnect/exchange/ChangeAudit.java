package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import org.coconnect.audit.Actor;
import org.coconnect.audit.AuditLog;

/**
 * Audits a change a domestic system asked for through the local interface, in the transaction of the change, so the
 * record (which names the client and its user, see {@link Actor}) commits exactly when the change does. Changes the
 * gateway makes by itself (answers to partners) are audited where they happen, not here.
 */
final class ChangeAudit {

    private final AuditLog audit;

    ChangeAudit(AuditLog audit) {
        this.audit = audit;
    }

    void record(EntityManager em, String partnerId, String messageId, String what) {
        if (audit != null && Actor.current().isPresent()) {
            audit.record(em, AuditLog.Kind.ADMIN, partnerId, messageId, what);
        }
    }
}
