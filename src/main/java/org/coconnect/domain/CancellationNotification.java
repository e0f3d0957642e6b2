package org.coconnect.domain;

import java.time.Instant;

/** The exporting side's notice that it wants to cancel a CO in order to amend it (trigger T2). */
public record CancellationNotification(CertificateReference certificate, String reason, Instant requestedAt) implements MessageContent {
}
