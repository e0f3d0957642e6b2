package org.coconnect.monitoring;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg} with control characters escaped (see {@link ControlCharacters}): a partner-chosen
 * login, header or detail containing CR LF cannot start a forged log line, nor send escape sequences to
 * whoever tails the log in a terminal. Registered as {@code %safeMsg} in logback.xml.
 */
public final class EscapedMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return ControlCharacters.escape(event.getFormattedMessage());
    }
}
