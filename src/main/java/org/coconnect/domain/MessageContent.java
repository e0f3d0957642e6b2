package org.coconnect.domain;

/** The business content of a message: a CO, one of the messages that follow it, or a verification inquiry or answer. */
public sealed interface MessageContent
        permits CertificateOfOrigin, CancellationNotification, CancellationStatus, OriginTreatmentFeedback,
        DeclarationOfOrigin, ApprovedExporterList, VerificationInquiry, InquiryAnswer {
}
