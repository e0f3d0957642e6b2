package org.coconnect.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coconnect.error.ErrorCode;

/**
 * Rules of the verification inquiry exchange. Who may ask is decided by where the CO is held: the
 * importing side asks about a CO it received (its IMPORT row) and only the partner that sent it; the
 * issuing side accepts an inquiry only about a CO it issued (its EXPORT row) to the partner asking.
 * An inquiry has one answer, from the side it was asked of, naming the inquiry's CO.
 */
public final class InquiryRules {

    private InquiryRules() {
    }

    public static List<Problem> check(VerificationInquiry inquiry, Instant now, Duration skew, String location) {
        var problems = new ArrayList<Problem>();
        notInFuture(inquiry.askedAt(), now, skew, at(location, "/m:AskedDateTime"), problems);
        return problems;
    }

    public static List<Problem> check(InquiryAnswer answer, Instant now, Duration skew, String location) {
        var problems = new ArrayList<Problem>();
        notInFuture(answer.answeredAt(), now, skew, at(location, "/m:AnsweredDateTime"), problems);
        return problems;
    }

    /**
     * Whether an inquiry in {@code status}, asked about {@code asked}, may take an answer that names
     * {@code named}: only an open inquiry, and only about the same CO. {@code location} is the XPath of
     * the answer in a message, or null for a request of our own official (no XPath to point at).
     */
    public static List<Problem> answerable(String inquiryId, InquiryStatus status, CertificateReference asked,
                                           CertificateReference named, String location) {
        var problems = new ArrayList<Problem>();
        if (status != InquiryStatus.OPEN) {
            problems.add(Problem.error(ErrorCode.INQUIRY_ALREADY_ANSWERED, "Verification inquiry " + inquiryId + " is "
                    + status + "; it takes no further answer.", at(location, "/m:InquiryId")));
        }
        if (!asked.equals(named)) {
            problems.add(Problem.error(ErrorCode.INQUIRY_CERTIFICATE_MISMATCH, "Verification inquiry " + inquiryId
                    + " asked about CO " + asked + ", not " + named + ".", at(location, "/m:CertificateReference")));
        }
        return problems;
    }

    private static String at(String location, String child) {
        return location == null ? null : location + child;
    }

    private static void notInFuture(Instant t, Instant now, Duration skew, String location, List<Problem> problems) {
        if (t.isAfter(now.plus(skew))) {
            problems.add(Problem.error(ErrorCode.DATE_IN_FUTURE, "Date/time " + t + " lies in the future.", location));
        }
    }
}
