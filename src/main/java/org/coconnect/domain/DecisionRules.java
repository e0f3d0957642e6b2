package org.coconnect.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coconnect.error.ErrorCode;

/** Rules for the messages that follow a CO: cancellation notification, cancellation status, feedback. */
public final class DecisionRules {

    private DecisionRules() {
    }

    public static List<Problem> check(CancellationNotification n, Instant now, Duration skew) {
        var problems = new ArrayList<Problem>();
        notInFuture(n.requestedAt(), now, skew,
                "/m:send-amendment-notification/m:CancellationNotification/m:RequestDateTime", problems);
        return problems;
    }

    public static List<Problem> check(CancellationStatus s, Instant now, Duration skew) {
        String base = "/m:send-cancellation-status/m:CancellationStatus";
        var problems = new ArrayList<Problem>();
        if (s.decision() == CancellationStatus.Decision.DECLINED && isBlank(s.reason())) {
            problems.add(Problem.error(ErrorCode.REASON_REQUIRED, "A declined cancellation must give its reason.",
                    base + "/m:Reason"));
        }
        notInFuture(s.decidedAt(), now, skew, base + "/m:DecisionDateTime", problems);
        return problems;
    }

    public static List<Problem> check(OriginTreatmentFeedback f, Instant now, Duration skew) {
        String base = "/m:send-feedback/m:OriginTreatmentFeedback";
        var problems = new ArrayList<Problem>();
        if (f.decision() == OriginTreatmentFeedback.Decision.REJECTED && isBlank(f.reason())) {
            problems.add(Problem.error(ErrorCode.REASON_REQUIRED, "A rejected origin-based treatment must give its reason.",
                    base + "/m:Reason"));
        }
        notInFuture(f.decidedAt(), now, skew, base + "/m:DecisionDateTime", problems);
        return problems;
    }

    private static void notInFuture(Instant t, Instant now, Duration skew, String location, List<Problem> problems) {
        if (t.isAfter(now.plus(skew))) {
            problems.add(Problem.error(ErrorCode.DATE_IN_FUTURE, "Date/time " + t + " lies in the future.", location));
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
