package org.coconnect.ws;

import java.util.Locale;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.xml.security.encryption.XMLEncryptionException;
import org.coconnect.error.ErrorCode;
import org.coconnect.security.MessageCrypto;

/**
 * Names the specific reason of a WS-Security or policy refusal, for our log and alert.
 *
 * <p>WSS4J refuses several things with a bare "An error was discovered processing the
 * &lt;wsse:Security&gt; header" and no detail (the detail only goes to its own log): a downgraded
 * algorithm found by its {@code AlgorithmSuiteValidator}, and RSA 1.5 key transport. Those are told
 * apart by where the exception was thrown. Each rule here is covered by MessageSecurityRefusalIT or by
 * one of the attack tests (IdentityAttackIT for an expired signing certificate).
 */
final class SecurityFailureClassifier {

    private static final String ALGORITHM_SUITE_VALIDATOR = "org.apache.wss4j.common.crypto.AlgorithmSuiteValidator";
    private static final String ENCRYPTED_KEY_PROCESSOR = "org.apache.wss4j.dom.processor.EncryptedKeyProcessor";
    private static final String SECURITY_ENGINE = "org.apache.wss4j.dom.engine.WSSecurityEngine";
    private static final String PROCESSORS = "org.apache.wss4j.dom.processor.";

    private SecurityFailureClassifier() {
    }

    /** The specific code of a failure WSS4J reported, or let through, while it processed the security header; else null. */
    static ErrorCode fromSecurityEngine(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WSSecurityException wss) {
                return fromWss4j(wss);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (isUnreadableSecurityHeader(t)) {
                return fromProcessor(t);
            }
        }
        return null;
    }

    /**
     * An unchecked exception that WSS4J lets through while it reads the security header, e.g. Santuario's
     * base64 decoder refusing a token cut short: the message's fault. One thrown by our own code (the
     * crypto or callbacks WSS4J calls) stays an internal error.
     */
    private static boolean isUnreadableSecurityHeader(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        return t instanceof RuntimeException && frames.length > 0 && !frames[0].getClassName().startsWith("org.coconnect.")
                && passedThrough(t, SECURITY_ENGINE);
    }

    /** The code for the part of the header whose processor could not read it. */
    private static ErrorCode fromProcessor(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String className = frame.getClassName();
            if (className.startsWith(PROCESSORS)) {
                String processor = className.substring(PROCESSORS.length());
                if (processor.startsWith("Encrypted") || processor.startsWith("ReferenceList")) {
                    return ErrorCode.DECRYPTION_FAILED;
                }
                return processor.startsWith("Timestamp") ? ErrorCode.TIMESTAMP_INVALID : ErrorCode.SIGNATURE_INVALID;
            }
        }
        return ErrorCode.POLICY_VIOLATION;
    }

    /**
     * The specific code of a WS-SecurityPolicy verification failure, from CXF's words (it lists every assertion
     * that is not met); null when the failure reads as none.
     */
    static ErrorCode fromPolicyText(Throwable failure) {
        String text = fullText(failure);
        boolean notSigned = text.contains("not signed");
        boolean notEncrypted = text.contains("not encrypted");
        if (notSigned && notEncrypted) {
            // Neither signed nor encrypted: no usable message security at all (e.g. no security header).
            return ErrorCode.POLICY_VIOLATION;
        }
        if (notEncrypted) {
            return ErrorCode.NOT_ENCRYPTED;
        }
        if (notSigned) {
            return ErrorCode.SIGNATURE_INVALID;
        }
        if (text.contains("algorithm")) {
            return ErrorCode.ALGORITHM_NOT_ALLOWED;
        }
        if (text.contains("signature")) {
            return ErrorCode.SIGNATURE_INVALID;
        }
        if (text.contains("timestamp") || text.contains("expired")) {
            return ErrorCode.TIMESTAMP_INVALID;
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
        // The text is only there when WSS4J's message bundle is installed in Santuario's I18n, which
        // another Santuario initialisation in the same JVM can undo: ask who threw it as well.
        if (text.contains("replay") || thrownIn(e, "testMessageReplay")) {
            return ErrorCode.REPLAY_DETECTED;
        }
        if (thrownBy(e, ALGORITHM_SUITE_VALIDATOR) || isRefusedKeyTransport(e)) {
            return ErrorCode.ALGORITHM_NOT_ALLOWED;
        }
        if (causedByDecryption(e) || isEncryptedForUnknownCertificate(e)) {
            return ErrorCode.DECRYPTION_FAILED;
        }
        if ("certpath".equals(e.getMsgID()) || text.contains("certificate path") || isInvalidCertificate(e)) {
            return ErrorCode.CERTIFICATE_NOT_TRUSTED;
        }
        return switch (e.getErrorCode()) {
            case MESSAGE_EXPIRED -> ErrorCode.TIMESTAMP_INVALID;
            case UNSUPPORTED_ALGORITHM -> ErrorCode.ALGORITHM_NOT_ALLOWED;
            case FAILED_AUTHENTICATION, SECURITY_TOKEN_UNAVAILABLE, INVALID_SECURITY_TOKEN -> ErrorCode.CERTIFICATE_NOT_TRUSTED;
            // The bare FAILED_CHECK text reads "The signature or decryption was invalid": ask who threw it.
            case FAILED_CHECK -> thrownByEncryptionCode(e) ? ErrorCode.DECRYPTION_FAILED : ErrorCode.SIGNATURE_INVALID;
            default -> text.contains("timestamp") ? ErrorCode.TIMESTAMP_INVALID
                    : text.contains("algorithm") ? ErrorCode.ALGORITHM_NOT_ALLOWED : ErrorCode.POLICY_VIOLATION;
        };
    }

    /**
     * Merlin's refusal of a certificate outside its validity dates: FAILED_CHECK ("invalidCert", read as
     * "the signature or decryption was invalid") around a CertificateExpiredException or NotYetValid.
     */
    private static boolean isInvalidCertificate(WSSecurityException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return true;
            }
        }
        return "invalidCert".equals(e.getMsgID());
    }

    /**
     * "No certificates were found" while the EncryptedKey processor looks up the certificate the key was
     * encrypted for: one we hold no key of, e.g. a retired encryption key or one that was never ours.
     */
    private static boolean isEncryptedForUnknownCertificate(WSSecurityException e) {
        return "noCertsFound".equals(e.getMsgID()) && passedThrough(e, ENCRYPTED_KEY_PROCESSOR);
    }

    private static boolean thrownIn(Throwable t, String methodName) {
        StackTraceElement[] frames = t.getStackTrace();
        return frames.length > 0 && methodName.equals(frames[0].getMethodName())
                && frames[0].getClassName().startsWith("org.apache.wss4j.");
    }

    private static boolean passedThrough(Throwable t, String className) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (className.equals(frame.getClassName())) {
                return true;
            }
        }
        return false;
    }

    /** WSS4J's refusal of RSA 1.5 key transport: a bare INVALID_SECURITY straight from the EncryptedKey processor. */
    private static boolean isRefusedKeyTransport(WSSecurityException e) {
        boolean bare = e.getErrorCode() == WSSecurityException.ErrorCode.INVALID_SECURITY
                && e.getErrorCode().name().equals(e.getMsgID()) && e.getCause() == null;
        return bare && thrownBy(e, ENCRYPTED_KEY_PROCESSOR);
    }

    private static boolean thrownBy(Throwable t, String className) {
        StackTraceElement[] frames = t.getStackTrace();
        return frames.length > 0 && className.equals(frames[0].getClassName());
    }

    /** WSS4J's encryption side: EncryptedKeyProcessor, EncryptedDataProcessor, EncryptionUtils. */
    private static boolean thrownByEncryptionCode(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith("org.apache.wss4j.")
                && frames[0].getClassName().contains("Encrypt");
    }

    /**
     * The content could not be decrypted: wrong key (also one of ours that is not the encryption key, e.g.
     * content encrypted for our signing certificate), or ciphertext refused by its integrity check (GCM tag).
     */
    private static boolean causedByDecryption(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof XMLEncryptionException || t instanceof AEADBadTagException || t instanceof BadPaddingException
                    || t instanceof MessageCrypto.WrongKeyRoleException) {
                return true;
            }
        }
        return false;
    }

    static String fullText(Throwable failure) {
        var text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(' ').append(t.getMessage());
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
