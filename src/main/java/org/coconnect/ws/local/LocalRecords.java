package org.coconnect.ws.local;

import org.coconnect.audit.AuditLog;
import org.coconnect.exchange.Notifications;
import org.coconnect.exchange.QueryDossier;
import org.coconnect.exchange.QueryJournal;

/** What the local interface reads and records beside the use cases: the audit log, the journal, whole COs, events. */
public record LocalRecords(AuditLog audit, QueryJournal journal, QueryDossier dossier, Notifications notifications) {
}
