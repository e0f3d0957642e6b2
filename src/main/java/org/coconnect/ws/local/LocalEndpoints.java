package org.coconnect.ws.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.OriginTreatmentFeedback;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.PartnerUnavailableException;
import org.coconnect.exchange.CertificateView;
import org.coconnect.exchange.IssueCertificate;
import org.coconnect.exchange.RejectionException;
import org.coconnect.ws.CertificateReader;

/** The local interface's endpoints: each validates its request in full, then calls one use case. */
final class LocalEndpoints {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private final LocalOperations operations;

    LocalEndpoints(LocalOperations operations) {
        this.operations = operations;
    }

    /** POST /certificates: a CO information package from the issuing system. */
    LocalResponse issue(LocalRequest request) {
        CertificateReader.Read read = CertificateReader.read(request.xmlBody());
        IssueCertificate.Issued issued = operations.issue().issue(read.certificate(), read.xml());
        var json = new LinkedHashMap<String, Object>();
        json.put("certificate", issued.certificate().toString());
        json.put("partner", issued.partnerId());
        json.put("messageId", issued.messageId());
        json.put("referenceCode", issued.referenceCode());
        return LocalResponse.of(201, json).withHeader("Location", location(issued.certificate()));
    }

    /** POST /certificates/{country}/{number}/{version}/cancellation. */
    LocalResponse cancel(LocalRequest request, List<String> path) {
        CertificateReference ref = reference(path);
        var fields = RequestFields.body(request.jsonBody(), Set.of("reason"));
        String reason = fields.text("reason", true);
        fields.check();
        UUID messageId = operations.cancellation().request(ref, reason);
        return LocalResponse.of(202, Map.of("messageId", messageId));
    }

    /** POST /verifications: asks the issuing country's gateway about a CO by number and reference code (Annex III). */
    LocalResponse verify(LocalRequest request) {
        var fields = RequestFields.body(request.jsonBody(), Set.of("issuingCountry", "certificateNumber", "referenceCode"));
        String country = fields.country("issuingCountry");
        String number = fields.identifier("certificateNumber", true);
        String code = fields.identifier("referenceCode", true);
        fields.check();
        try {
            return LocalResponse.of(200, Representations.verification(operations.verification().verify(country, number,
                    code)));
        } catch (PartnerUnavailableException e) {
            throw new LocalApiException(502, ErrorCode.PARTNER_LOOKUP_FAILED, e.getMessage());
        }
    }

    /** POST /claims: a customs declaration claims preference on a CO by its number. */
    LocalResponse claim(LocalRequest request) {
        var fields = RequestFields.body(request.jsonBody(),
                Set.of("issuingCountry", "certificateNumber", "declarationNumber"));
        String country = fields.country("issuingCountry");
        String number = fields.identifier("certificateNumber", true);
        String declaration = fields.identifier("declarationNumber", true);
        fields.check();
        Optional<CertificateReference> claimed = operations.claims().claim(country, number, declaration);
        return claimed.map(ref -> LocalResponse.of(201, Map.<String, Object>of("claimed", ref.toString()))
                        .withHeader("Location", location(ref)))
                .orElseGet(() -> LocalResponse.of(202, Map.of("pending", true)));
    }

    /** POST /certificates/{country}/{number}/{version}/treatment: the decision on a claimed CO. */
    LocalResponse decide(LocalRequest request, List<String> path) {
        CertificateReference ref = reference(path);
        var fields = RequestFields.body(request.jsonBody(), Set.of("decision", "reason"));
        var decision = fields.choice("decision", OriginTreatmentFeedback.Decision.class, true);
        String reason = fields.text("reason", false);
        fields.check();
        UUID messageId = operations.treatment().decide(ref, decision, reason);
        return LocalResponse.of(202, Map.of("messageId", messageId));
    }

    /** GET /certificates?side=&number=&partner=&status=&limit=: newest change first. */
    LocalResponse list(LocalRequest request) {
        var fields = RequestFields.query(request.query(Set.of("side", "number", "partner", "status", "limit")));
        CertificateSide side = fields.choice("side", CertificateSide.class, false);
        String number = fields.identifier("number", false);
        String partner = fields.identifier("partner", false);
        CertificateState status = fields.choice("status", CertificateState.class, false);
        int limit = fields.number("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        fields.check();
        List<CertificateView> found = operations.query().list(side, number, partner, status, limit);
        return LocalResponse.of(200, Map.of("certificates", found.stream().map(Representations::certificate).toList()));
    }

    /** GET /certificates/{country}/{number}/{version}?side=: one CO version (either side unless given). */
    LocalResponse one(LocalRequest request, List<String> path) {
        CertificateReference ref = reference(path);
        var fields = RequestFields.query(request.query(Set.of("side")));
        CertificateSide side = fields.choice("side", CertificateSide.class, false);
        fields.check();
        List<CertificateSide> sides = side == null ? List.of(CertificateSide.values()) : List.of(side);
        return sides.stream().map(s -> operations.query().view(s, ref)).flatMap(Optional::stream).findFirst()
                .map(c -> LocalResponse.of(200, Representations.certificate(c)))
                .orElseThrow(() -> new RejectionException(Problem.error(ErrorCode.UNKNOWN_CERTIFICATE,
                        "No CO " + ref + " is held here" + (side == null ? "." : " on the " + side + " side."), null)));
    }

    /** GET /deliveries: messages not delivered yet, failed for good or rejected by the partner. */
    LocalResponse deliveries(LocalRequest request) {
        RequestFields.query(request.query(Set.of())).check();
        return LocalResponse.of(200, Map.of("deliveries",
                operations.outbox().undeliveredViews().stream().map(Representations::delivery).toList()));
    }

    /** GET /alerts: the newest alerts first (at most 100). */
    LocalResponse alerts(LocalRequest request) {
        RequestFields.query(request.query(Set.of())).check();
        return LocalResponse.of(200, Map.of("alerts", operations.alerts().recent(100).stream().map(a -> {
            var json = new java.util.LinkedHashMap<String, Object>();
            json.put("raisedAt", a.raisedAt().toString());
            json.put("code", a.code());
            json.put("partner", a.partnerId());
            json.put("messageId", a.messageId());
            json.put("detail", a.detail());
            json.put("count", a.count());
            json.put("lastSeenAt", a.lastSeenAt().toString());
            return json;
        }).toList()));
    }

    /** POST /deliveries/{messageId}/resend: due now, with the same message ID, where the message's state allows it. */
    LocalResponse resend(String messageId) {
        try {
            operations.outbox().resend(messageId);
        } catch (RejectionException e) {
            Problem problem = e.problems().get(0);
            throw new LocalApiException(problem.code() == ErrorCode.UNKNOWN_MESSAGE ? 404 : 409, problem.code(), problem.text());
        }
        return LocalResponse.of(202, Map.of("messageId", messageId));
    }

    /** The verification inquiry endpoints, on the same use cases. */
    InquiryEndpoints inquiries() {
        return new InquiryEndpoints(operations.inquiries());
    }

    /** The CO named by a {country}/{number}/{version} path. */
    static CertificateReference reference(List<String> path) {
        var fields = RequestFields.path(path);
        var ref = new CertificateReference(fields.country("country"), fields.identifier("number", true),
                fields.version("version"));
        fields.check();
        return ref;
    }

    private static String location(CertificateReference ref) {
        return "/certificates/" + encode(ref.issuingCountry()) + "/" + encode(ref.number()) + "/" + ref.version();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** GET /health: the health snapshot; 503 when the gateway is DOWN, so a probe needs only the status code. */
    LocalResponse health() {
        var h = operations.health().get();
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("status", h.status().name());
        body.put("checkedAt", h.checkedAt().toString());
        body.put("databaseReachable", h.databaseReachable());
        body.put("outboxPending", h.outboxPending());
        body.put("oldestPendingAge", h.oldestPendingAge() == null ? null : h.oldestPendingAge().toString());
        body.put("certificatesValid", h.certificatesValid());
        body.put("problems", h.problems());
        return LocalResponse.of(h.status() == org.coconnect.monitoring.Health.Status.DOWN ? 503 : 200, body);
    }

    /** GET /metrics: every metric in the Prometheus text format. */
    LocalResponse metrics() {
        return LocalResponse.of(200, new LocalResponse.Text("text/plain; version=0.0.4; charset=utf-8",
                operations.metrics().get()));
    }
}
