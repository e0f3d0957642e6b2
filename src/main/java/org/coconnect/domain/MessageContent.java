package org.coconnect.domain;

/** The business content of one of the four messages. */
public sealed interface MessageContent
        permits CertificateOfOrigin, CancellationNotification, CancellationStatus, OriginTreatmentFeedback,
        DeclarationOfOrigin, ApprovedExporterList {
}
