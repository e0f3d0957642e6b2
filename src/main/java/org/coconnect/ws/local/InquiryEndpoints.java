package org.coconnect.ws.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.InquiryStatus;
import org.coconnect.domain.Official;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.RejectionException;
import org.coconnect.exchange.VerificationInquiries;

/** The local interface's endpoints for verification inquiries between officials (both sides). */
final class InquiryEndpoints {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final Set<String> OFFICIAL = Set.of("official", "office");
    private final VerificationInquiries inquiries;

    InquiryEndpoints(VerificationInquiries inquiries) {
        this.inquiries = inquiries;
    }

    /** POST /certificates/{country}/{number}/{version}/inquiries: an importing official asks about a received CO. */
    LocalResponse ask(LocalRequest request, CertificateReference certificate) {
        var fields = RequestFields.body(request.jsonBody(), union(Set.of("question"), OFFICIAL));
        String question = fields.text("question", true);
        Official official = official(fields);
        fields.check();
        var asked = inquiries.ask(certificate, question, official);
        var json = new LinkedHashMap<String, Object>();
        json.put("inquiryId", asked.inquiryId());
        json.put("messageId", asked.messageId());
        json.put("partner", asked.partnerId());
        json.put("certificate", asked.certificate().toString());
        return LocalResponse.of(201, json).withHeader("Location", "/inquiries/" + asked.inquiryId());
    }

    /** POST /inquiries/{inquiryId}/answer: an issuing official answers an inquiry asked of us. */
    LocalResponse answer(LocalRequest request, String inquiryId) {
        UUID id = inquiryId(inquiryId);
        var fields = RequestFields.body(request.jsonBody(), union(Set.of("answer"), OFFICIAL));
        String answer = fields.text("answer", true);
        Official official = official(fields);
        fields.check();
        UUID messageId = inquiries.answer(id, answer, official);
        var json = new LinkedHashMap<String, Object>();
        json.put("inquiryId", id);
        json.put("messageId", messageId);
        return LocalResponse.of(202, json);
    }

    /** GET /inquiries?side=&status=&partner=&number=&limit=: oldest question first, with each one's age. */
    LocalResponse list(LocalRequest request) {
        var fields = RequestFields.query(request.query(Set.of("side", "status", "partner", "number", "limit")));
        CertificateSide side = fields.choice("side", CertificateSide.class, false);
        InquiryStatus status = fields.choice("status", InquiryStatus.class, false);
        String partner = fields.identifier("partner", false);
        String number = fields.identifier("number", false);
        int limit = fields.number("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        fields.check();
        return LocalResponse.of(200, Map.of("inquiries", inquiries.list(side, status, partner, number, limit).stream()
                .map(i -> Representations.inquiry(i, false)).toList()));
    }

    /** GET /inquiries/{inquiryId}: one inquiry with its answer and its CO. */
    LocalResponse one(LocalRequest request, String inquiryId) {
        UUID id = inquiryId(inquiryId);
        RequestFields.query(request.query(Set.of())).check();
        return inquiries.find(id).map(i -> LocalResponse.of(200, Representations.inquiry(i, true)))
                .orElseThrow(() -> new RejectionException(Problem.error(ErrorCode.UNKNOWN_INQUIRY,
                        "No verification inquiry " + id + " is held here.", null)));
    }

    private static Official official(RequestFields fields) {
        return new Official(fields.identifier("official", true), fields.identifier("office", false));
    }

    private static UUID inquiryId(String value) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new RejectionException(Problem.error(ErrorCode.LOCAL_INVALID_FIELD,
                "'" + value + "' is not an inquiry ID (a UUID such as 3f0c1c9e-5b1a-4c55-9d6e-2a7e8e0b4f11).",
                "path inquiryId"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
