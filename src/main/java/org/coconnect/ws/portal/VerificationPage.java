package org.coconnect.ws.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import org.coconnect.domain.CertificateVerification;
import org.coconnect.domain.VerificationStatus;
import org.coconnect.error.ErrorCode;

/**
 * The officers' verification page: plain semantic HTML with one inline style sheet (allowed by its hash
 * in the Content-Security-Policy), no script, every value escaped. Small enough to load fast on a phone.
 */
final class VerificationPage {

    /** Shown for an unknown number and for a wrong code alike: the page never tells which. */
    static final String NOT_FOUND = "No certificate of origin matches this CO number and reference code.";

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:40rem;line-height:1.5;color:#111}
            h1{font-size:1.3rem}label{display:block;margin-top:.8rem;font-weight:600}
            input{font-size:1rem;padding:.5rem;width:100%;box-sizing:border-box}
            button{font-size:1rem;margin-top:1rem;padding:.6rem 1.2rem}
            .status{font-size:1.2rem;font-weight:700;padding:.6rem;border:2px solid}
            .valid{color:#064;border-color:#064}.invalid{color:#900;border-color:#900}
            dt{font-weight:600;margin-top:.5rem}dd{margin:0}""";
    /** The Content-Security-Policy: nothing but this page's own style sheet and its form. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + hash(STYLE)
            + "'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private VerificationPage() {
    }

    /** The empty form, or the form again with a message (e.g. a field missing). */
    static String form(String issuer, String number, String message) {
        var body = new StringBuilder();
        if (message != null) {
            body.append("<p id=\"message\" role=\"alert\">").append(escape(message)).append("</p>");
        }
        body.append(formHtml(number));
        return page(issuer, body.toString());
    }

    /** The answer: the CO's data and status, or the single not-found text. */
    static String result(String issuer, String number, Optional<CertificateVerification> found) {
        var body = new StringBuilder();
        if (found.isEmpty()) {
            body.append("<p id=\"status\" class=\"status invalid\" role=\"status\">").append(NOT_FOUND).append("</p>")
                    .append("<p>Check the CO number and the reference code printed on the certificate.</p>")
                    .append(formHtml(number));
            return page(issuer, body.toString());
        }
        CertificateVerification v = found.get();
        boolean valid = v.status() == VerificationStatus.VALID;
        body.append("<p id=\"status\" class=\"status ").append(valid ? "valid" : "invalid").append("\" role=\"status\">")
                .append(escape(statusText(v))).append("</p><dl>");
        item(body, "CO number", v.reference().number(), "number");
        item(body, "Version", Integer.toString(v.reference().version()), "version");
        item(body, "Issuing country", v.reference().issuingCountry(), null);
        item(body, "Issued", DATE.format(v.issuedAt()), null);
        item(body, "Exporter", v.exporterName(), null);
        item(body, "Importer", v.importerName(), null);
        item(body, "Importing country", v.importingCountry(), null);
        item(body, "Agreement", v.agreementCode(), null);
        item(body, "Goods items", Integer.toString(v.goodsItemCount()), null);
        item(body, "Cancellation reason", v.cancellationReason(), null);
        body.append("</dl><p><a href=\"/verify\">Verify another certificate</a></p>");
        return page(issuer, body.toString());
    }

    /** HTTP 429: over the lookup rate, with the error code. */
    static String rateLimited(String issuer) {
        return page(issuer, "<p id=\"message\" role=\"alert\">" + escape(ErrorCode.LOOKUP_RATE_LIMITED.partnerText())
                + "</p>");
    }

    /** Anything else the page does not serve (unknown path, wrong method, unreadable query). */
    static String refused(String issuer, String text) {
        return page(issuer, "<p id=\"message\" role=\"alert\">" + escape(text) + "</p><p><a href=\"/verify\">Verify a"
                + " certificate</a></p>");
    }

    static String statusText(CertificateVerification v) {
        return switch (v.status()) {
            case VALID -> "Valid";
            case CANCELLED -> "Cancelled";
            case SUPERSEDED -> "Superseded by version " + v.latestVersion();
        };
    }

    private static void item(StringBuilder body, String label, String value, String id) {
        if (value == null || value.isBlank()) {
            return;
        }
        body.append("<dt>").append(label).append("</dt><dd").append(id == null ? "" : " id=\"" + id + "\"").append('>')
                .append(escape(value)).append("</dd>");
    }

    private static String formHtml(String number) {
        return "<form method=\"get\" action=\"/verify\">"
                + "<label for=\"number\">CO number</label>"
                + "<input id=\"number\" name=\"number\" required maxlength=\"70\" autocomplete=\"off\" value=\""
                + escape(number == null ? "" : number) + "\">"
                + "<label for=\"code\">Reference code</label>"
                + "<input id=\"code\" name=\"code\" required maxlength=\"35\" autocomplete=\"off\""
                + " autocapitalize=\"characters\" spellcheck=\"false\">"
                + "<button type=\"submit\">Verify</button></form>";
    }

    private static String page(String issuer, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>Certificate of Origin verification - " + escape(issuer) + "</title>"
                + "<style>" + STYLE + "</style></head><body><header><h1>Certificate of Origin verification</h1>"
                + "<p>Certificates of origin issued by " + escape(issuer) + ".</p></header><main>" + body
                + "</main></body></html>";
    }

    static String escape(String text) {
        var out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String hash(String style) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
