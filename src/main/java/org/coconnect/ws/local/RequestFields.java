package org.coconnect.ws.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.RejectionException;

/**
 * Checks the fields of one request against the rules the messages they lead to must meet, collecting
 * every problem so the caller learns them all at once; {@link #check()} refuses if there were any.
 */
final class RequestFields {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    // The schemas' IdentifierType: an xs:token of 1 to 70 characters, so no leading, trailing or double spaces.
    private static final Pattern IDENTIFIER = Pattern.compile("[^\\s\\p{Cntrl}]+( [^\\s\\p{Cntrl}]+)*");
    private static final int IDENTIFIER_MAX = 70;
    private static final int TEXT_MAX = 2048;
    // Characters XML 1.0 cannot carry; a reason holding one could never be sent.
    private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    private final Map<String, String> values;
    private final String where;
    private final List<Problem> problems = new ArrayList<>();

    private RequestFields(Map<String, String> values, String where) {
        this.values = values;
        this.where = where;
    }

    /** The members of a JSON body; a member not in {@code allowed} is a problem (most likely a typo). */
    static RequestFields body(Map<String, String> values, Set<String> allowed) {
        var fields = new RequestFields(values, "$.");
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                fields.problem(name, "Unknown field '" + name + "'; expected " + String.join(", ", allowed.stream()
                        .sorted().toList()) + ".");
            }
        }
        return fields;
    }

    static RequestFields query(Map<String, String> values) {
        return new RequestFields(values, "query ");
    }

    /** The {country}/{number}/{version} of a CO's path. */
    static RequestFields path(List<String> countryNumberVersion) {
        var values = new LinkedHashMap<String, String>();
        values.put("country", countryNumberVersion.get(0));
        values.put("number", countryNumberVersion.get(1));
        values.put("version", countryNumberVersion.get(2));
        return new RequestFields(values, "path ");
    }

    String country(String name) {
        String value = required(name);
        if (value != null && !COUNTRY.matcher(value).matches()) {
            problem(name, "'" + value + "' is not an ISO 3166-1 alpha-2 country code such as KR.");
        }
        return value;
    }

    /** A CO or declaration number: 1 to 70 characters, single spaces only between words. */
    String identifier(String name, boolean required) {
        String value = required ? required(name) : blankToNull(values.get(name));
        if (value != null && (value.length() > IDENTIFIER_MAX || !IDENTIFIER.matcher(value).matches())) {
            problem(name, "must be 1 to " + IDENTIFIER_MAX
                    + " characters without control characters, leading, trailing or repeated spaces.");
        }
        return value;
    }

    int version(String name) {
        String value = required(name);
        if (value == null) {
            return 0;
        }
        try {
            int version = Integer.parseInt(value);
            if (version > 0 && value.equals(String.valueOf(version))) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(name, "'" + value + "' is not a version number (1, 2, 3 ...).");
        return 0;
    }

    /** A calendar date, ISO-8601, e.g. 2025-03-14. */
    java.time.LocalDate date(String name) {
        String value = required(name);
        if (value == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            problem(name, "'" + value + "' is not an ISO-8601 date such as 2025-03-14.");
            return null;
        }
    }

    /** An optional instant, ISO-8601 UTC, e.g. 2025-03-14T01:30:00Z. */
    java.time.Instant instant(String name) {
        String value = blankToNull(values.get(name));
        if (value == null) {
            return null;
        }
        try {
            return java.time.Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            problem(name, "'" + value + "' is not an ISO-8601 instant such as 2025-03-14T01:30:00Z.");
            return null;
        }
    }

    /** Free text such as a reason: at most 2048 characters that XML can carry. */
    String text(String name, boolean required) {
        String value = required ? required(name) : blankToNull(values.get(name));
        if (value != null && (value.length() > TEXT_MAX || NOT_XML.matcher(value).find())) {
            problem(name, "must be at most " + TEXT_MAX + " characters, without control characters.");
        }
        return value;
    }

    /** One of an enumeration's names, e.g. GRANTED; letter case does not matter. */
    <E extends Enum<E>> E choice(String name, Class<E> type, boolean required) {
        String value = required ? required(name) : blankToNull(values.get(name));
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        problem(name, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()) + ".");
        return null;
    }

    /** A whole number within bounds, or the fallback when absent. */
    int number(String name, int min, int max, int fallback) {
        String value = blankToNull(values.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(name, "must be a whole number from " + min + " to " + max + ", not '" + value + "'.");
        return fallback;
    }

    /** Refuses the request, naming every problem found, if there was any. */
    void check() {
        if (!problems.isEmpty()) {
            throw new RejectionException(problems);
        }
    }

    private String required(String name) {
        String value = blankToNull(values.get(name));
        if (value == null) {
            problem(name, "is required.");
        }
        return value;
    }

    private void problem(String name, String text) {
        String subject = text.startsWith("Unknown") || text.startsWith("'") ? text : "'" + name + "' " + text;
        problems.add(Problem.error(ErrorCode.LOCAL_INVALID_FIELD, subject, where + name));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
