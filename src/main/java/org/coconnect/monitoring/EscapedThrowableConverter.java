package org.coconnect.monitoring;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * Logback's {@code %ex} with each exception message escaped (see {@link ControlCharacters}): a refusal's
 * exception carries partner-chosen text in its message, and its CR LF must not start a forged log line either.
 * The stack frames stay one per line. Registered as {@code %safeEx} in logback.xml.
 */
public final class EscapedThrowableConverter extends ThrowableProxyConverter {

    /** Cause chains longer than this are cut: a cycle must not loop. */
    private static final int MAX_CAUSES = 16;

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        var text = new StringBuilder();
        String prefix = "";
        IThrowableProxy current = throwable;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
            text.append(prefix).append(current.getClassName());
            if (current.getMessage() != null) {
                text.append(": ").append(ControlCharacters.escape(current.getMessage()));
            }
            text.append(CoreConstants.LINE_SEPARATOR);
            for (StackTraceElementProxy frame : current.getStackTraceElementProxyArray()) {
                text.append('\t').append(frame.getSTEAsString()).append(CoreConstants.LINE_SEPARATOR);
            }
            prefix = "Caused by: ";
            current = current.getCause();
        }
        return text.toString();
    }
}
