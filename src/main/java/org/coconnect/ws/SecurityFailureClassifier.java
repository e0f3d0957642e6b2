package org.coconnect.ws;

import java.util.Locale;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.coconnect.error.ErrorCode;

/** Names the specific reason of a WS-Security or policy refusal, for our log and alert. */
final class SecurityFailureClassifier {

    private SecurityFailureClassifier() {
    }

    /** The specific code, or null when the failure is not a message-security failure. */
    static ErrorCode classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WSSecurityException wss) {
                return fromWss4j(wss);
            }
        }
        String text = fullText(failure);
        if (text.contains("not encrypted")) {
            return ErrorCode.NOT_ENCRYPTED;
        }
        if (text.contains("not signed") || text.contains("signature")) {
            return ErrorCode.SIGNATURE_INVALID;
        }
        if (text.contains("timestamp") || text.contains("expired")) {
            return ErrorCode.TIMESTAMP_INVALID;
        }
        if (text.contains("algorithm")) {
            return ErrorCode.ALGORITHM_NOT_ALLOWED;
        }
        if (text.contains("replay")) {
            return ErrorCode.REPLAY_DETECTED;
        }
        if (text.contains("security") || text.contains("policy") || text.contains("assertion")) {
            return ErrorCode.POLICY_VIOLATION;
        }
        return null;
    }

    private static ErrorCode fromWss4j(WSSecurityException e) {
        String text = fullText(e);
        if (text.contains("replay")) {
            return ErrorCode.REPLAY_DETECTED;
        }
        return switch (e.getErrorCode()) {
            case MESSAGE_EXPIRED -> ErrorCode.TIMESTAMP_INVALID;
            case UNSUPPORTED_ALGORITHM -> ErrorCode.ALGORITHM_NOT_ALLOWED;
            case FAILED_AUTHENTICATION, SECURITY_TOKEN_UNAVAILABLE, INVALID_SECURITY_TOKEN -> ErrorCode.CERTIFICATE_NOT_TRUSTED;
            case FAILED_CHECK -> text.contains("decrypt") ? ErrorCode.DECRYPTION_FAILED : ErrorCode.SIGNATURE_INVALID;
            default -> text.contains("timestamp") ? ErrorCode.TIMESTAMP_INVALID
                    : text.contains("algorithm") ? ErrorCode.ALGORITHM_NOT_ALLOWED : ErrorCode.POLICY_VIOLATION;
        };
    }

    static String fullText(Throwable failure) {
        var text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(' ').append(t.getMessage());
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
