package org.coconnect.persistence;

import jakarta.persistence.*;
import java.time.Instant;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.InquiryStatus;

/** A verification inquiry and its answer, kept with the CO it is about. Never a generated JAXB type. */
@Entity
@Table(name = "verification_inquiry")
public class InquiryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "inquiry_id")
    private String inquiryId;
    @Enumerated(EnumType.STRING)
    private CertificateSide side;
    @Column(name = "partner_id")
    private String partnerId;
    @Column(name = "certificate_id")
    private Long certificateId;
    @Enumerated(EnumType.STRING)
    private InquiryStatus status;
    private String question;
    @Column(name = "asked_by")
    private String askedBy;
    @Column(name = "asked_office")
    private String askedOffice;
    @Column(name = "asked_at")
    private Instant askedAt;
    @Column(name = "inquiry_message_id")
    private String inquiryMessageId;
    private String answer;
    @Column(name = "answered_by")
    private String answeredBy;
    @Column(name = "answered_office")
    private String answeredOffice;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Column(name = "answer_message_id")
    private String answerMessageId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    @Column(name = "row_version")
    private int rowVersion;

    protected InquiryEntity() {
    }

    /** A new open inquiry; {@code inquiryMessageId} is the message that carries (or carried) it. */
    public InquiryEntity(String inquiryId, CertificateSide side, String partnerId, Long certificateId,
                         InquiryStatus status,
                         String question, String askedBy, String askedOffice, Instant askedAt, String inquiryMessageId,
                         Instant now) {
        this.inquiryId = inquiryId;
        this.side = side;
        this.partnerId = partnerId;
        this.certificateId = certificateId;
        this.status = status;
        this.question = question;
        this.askedBy = askedBy;
        this.askedOffice = askedOffice;
        this.askedAt = askedAt;
        this.inquiryMessageId = inquiryMessageId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Records the one answer and closes the inquiry. */
    public void recordAnswer(InquiryStatus status, String answer, String answeredBy, String answeredOffice, Instant answeredAt,
                             String answerMessageId, Instant now) {
        this.status = status;
        this.answer = answer;
        this.answeredBy = answeredBy;
        this.answeredOffice = answeredOffice;
        this.answeredAt = answeredAt;
        this.answerMessageId = answerMessageId;
        this.updatedAt = now;
    }

    public void moveTo(InquiryStatus newStatus, Instant now) {
        this.status = newStatus;
        this.updatedAt = now;
    }

    public Long id() { return id; }
    public String inquiryId() { return inquiryId; }
    public CertificateSide side() { return side; }
    public String partnerId() { return partnerId; }
    public Long certificateId() { return certificateId; }
    public InquiryStatus status() { return status; }
    public String question() { return question; }
    public String askedBy() { return askedBy; }
    public String askedOffice() { return askedOffice; }
    public Instant askedAt() { return askedAt; }
    public String inquiryMessageId() { return inquiryMessageId; }
    public String answer() { return answer; }
    public String answeredBy() { return answeredBy; }
    public String answeredOffice() { return answeredOffice; }
    public Instant answeredAt() { return answeredAt; }
    public String answerMessageId() { return answerMessageId; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
