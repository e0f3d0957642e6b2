package org.coconnect.ws.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coconnect.domain.Problem;
import org.coconnect.exchange.CertificateView;
import org.coconnect.exchange.DeliveryView;
import org.coconnect.exchange.InquiryView;

/** The JSON shapes of the local interface's answers; documented in docs/local-api.openapi.yaml. */
final class Representations {

    private Representations() {
    }

    static LinkedHashMap<String, Object> certificate(CertificateView c) {
        var json = new LinkedHashMap<String, Object>();
        json.put("certificate", c.reference().toString());
        json.put("side", c.side());
        json.put("issuingCountry", c.reference().issuingCountry());
        json.put("number", c.reference().number());
        json.put("version", c.reference().version());
        json.put("partner", c.partnerId());
        json.put("status", c.state());
        json.put("issuedAt", c.issuedAt());
        json.put("importingCountry", c.importingCountry());
        json.put("exporterName", c.exporterName());
        json.put("importerName", c.importerName());
        json.put("agreementCode", c.agreementCode());
        json.put("goodsItems", c.goodsItemCount());
        json.put("cancellationReason", c.cancellationReason());
        json.put("treatmentDecision", c.treatmentDecision());
        json.put("decisionReason", c.decisionReason());
        json.put("declarationNumber", c.declarationNumber());
        json.put("updatedAt", c.updatedAt());
        if (c.referenceCode() != null) {
            json.put("referenceCode", c.referenceCode());
        }
        return json;
    }

    /** The answer to a verification lookup: outcome, and the CO's data and status when found. */
    static Map<String, Object> verification(java.util.Optional<org.coconnect.domain.CertificateVerification> found) {
        var json = new LinkedHashMap<String, Object>();
        json.put("outcome", found.isPresent() ? "FOUND" : "NOT_FOUND");
        found.ifPresent(v -> {
            json.put("certificate", v.reference().toString());
            json.put("issuingCountry", v.reference().issuingCountry());
            json.put("number", v.reference().number());
            json.put("version", v.reference().version());
            json.put("status", v.status().name());
            json.put("latestVersion", v.latestVersion());
            json.put("issuedAt", v.issuedAt());
            json.put("importingCountry", v.importingCountry());
            json.put("exporterName", v.exporterName());
            json.put("importerName", v.importerName());
            json.put("agreementCode", v.agreementCode());
            json.put("goodsItems", v.goodsItemCount());
            json.put("cancellationReason", v.cancellationReason());
        });
        return json;
    }

    static Map<String, Object> delivery(DeliveryView d) {
        var json = new LinkedHashMap<String, Object>();
        json.put("messageId", d.messageId());
        json.put("partner", d.partnerId());
        json.put("operation", d.operation());
        json.put("status", d.status());
        json.put("attempts", d.attempts());
        json.put("createdAt", d.createdAt());
        json.put("lastAttemptAt", d.lastAttemptAt());
        json.put("nextAttemptAt", d.nextAttemptAt());
        json.put("lastError", d.lastError());
        json.put("acknowledgement", d.ackStatus());
        return json;
    }

    /** One verification inquiry; with {@code withCertificate} the CO it is about in full, else its name only. */
    static Map<String, Object> inquiry(InquiryView i, boolean withCertificate) {
        var json = new LinkedHashMap<String, Object>();
        json.put("inquiryId", i.inquiryId());
        json.put("side", i.side());
        json.put("certificate", withCertificate ? certificate(i.certificate()) : i.certificate().reference().toString());
        json.put("partner", i.partnerId());
        json.put("status", i.status().name());
        json.put("question", i.question());
        json.put("askedBy", i.askedBy().name());
        json.put("askedOffice", i.askedBy().office());
        json.put("askedAt", i.askedAt());
        json.put("openFor", i.openFor().toString());
        json.put("answer", i.answer());
        json.put("answeredBy", i.answeredBy() == null ? null : i.answeredBy().name());
        json.put("answeredOffice", i.answeredBy() == null ? null : i.answeredBy().office());
        json.put("answeredAt", i.answeredAt());
        json.put("inquiryMessageId", i.inquiryMessageId());
        json.put("answerMessageId", i.answerMessageId());
        return json;
    }

    /** The media type of a problem document (RFC 9457). */
    static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";
    /** Each code is its own problem type, named by a URN since the gateway has no public site (docs/error-codes.md). */
    static final String PROBLEM_TYPE = "urn:coconnect:error:";

    /**
     * A problem document (RFC 9457) for an answer with this status: type, title and code from the first problem's
     * error code, detail its text, and every problem found (each with its code and location) in "problems".
     */
    static LinkedHashMap<String, Object> problems(int status, List<Problem> problems) {
        Problem first = problems.get(0);
        var json = new LinkedHashMap<String, Object>();
        json.put("type", PROBLEM_TYPE + first.code().code());
        json.put("title", first.code().meaning());
        json.put("status", status);
        json.put("detail", first.text());
        json.put("code", first.code().code());
        json.put("problems", problems.stream().map(Representations::problem).toList());
        return json;
    }

    /** Problems as listed in answers (an acknowledgement's, a refusal's). */
    static List<Map<String, Object>> problemList(List<Problem> problems) {
        return problems.stream().map(Representations::problem).toList();
    }

    private static Map<String, Object> problem(Problem p) {
        var json = new LinkedHashMap<String, Object>();
        json.put("code", p.code().code());
        json.put("severity", p.severity().name());
        json.put("text", p.text());
        json.put("location", p.location());
        return json;
    }
}
