package org.coconnect.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Which alerts go out by mail, and to whom.
 *
 * @param recipients default addresses for every alert kind that is mailed; empty sends no alert mail
 * @param byKind     per error code: other addresses, or an empty list for a kind that is never mailed
 * @param window     after a mail about one kind (and partner), repeats within this window are only counted,
 *                   and summed up in one mail when it closes
 */
public record AlertMailConfig(List<String> recipients, Map<String, List<String>> byKind, Duration window) {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    public AlertMailConfig {
        recipients = List.copyOf(recipients);
        byKind = Map.copyOf(byKind);
    }

    /** No alert mail. */
    public static AlertMailConfig none() {
        return new AlertMailConfig(List.of(), Map.of(), DEFAULT_WINDOW);
    }

    /** The addresses an alert of this code goes to; empty when it is not mailed. */
    public List<String> recipientsOf(String code) {
        return byKind.getOrDefault(code, recipients);
    }
}
