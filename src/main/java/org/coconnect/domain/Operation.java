package org.coconnect.domain;

import java.util.Arrays;
import java.util.Optional;

/** The framework's service operations; the name is the path segment of the endpoint. */
public enum Operation {
    SEND_CO("send-co", CertificateOfOrigin.class),
    SEND_AMENDMENT_NOTIFICATION("send-amendment-notification", CancellationNotification.class),
    SEND_CANCELLATION_STATUS("send-cancellation-status", CancellationStatus.class),
    SEND_FEEDBACK("send-feedback", OriginTreatmentFeedback.class),
    /** Annex IV: the data of a Declaration of Origin made by an approved exporter. */
    SEND_DO("send-do", DeclarationOfOrigin.class),
    /** Annex IV: the exporting side's approved-exporter list, in full. */
    SEND_APPROVED_EXPORTERS("send-approved-exporters", ApprovedExporterList.class),
    /** An importing official's question about a received CO, to the issuing side (after China's e-CERT). */
    SEND_VERIFICATION_INQUIRY("send-verification-inquiry", VerificationInquiry.class),
    /** The issuing side's official answer to a verification inquiry. */
    SEND_INQUIRY_ANSWER("send-inquiry-answer", InquiryAnswer.class);

    private final String pathName;
    private final Class<? extends MessageContent> contentType;

    Operation(String pathName, Class<? extends MessageContent> contentType) {
        this.pathName = pathName;
        this.contentType = contentType;
    }

    /** The one kind of business content this operation carries; every handler of it is checked against this. */
    public Class<? extends MessageContent> contentType() {
        return contentType;
    }

    /** Lower-case, kebab-case name used in URLs and as the request wrapper element. */
    public String pathName() {
        return pathName;
    }

    public static Optional<Operation> byPathName(String name) {
        return Arrays.stream(values()).filter(o -> o.pathName.equals(name)).findFirst();
    }
}
