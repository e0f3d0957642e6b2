package org.coconnect.ws.local;

import org.coconnect.audit.AuditLog;
import org.coconnect.exchange.QueryJournal;

/** What the local interface reads and records beside the use cases: the audit log and the journal. */
public record LocalRecords(AuditLog audit, QueryJournal journal) {
}
