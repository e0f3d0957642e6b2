package org.coconnect.ws.local;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser (RFC 8259): exactly one value, no comments, no trailing commas, no
 * duplicate names. Objects become ordered maps, arrays lists, numbers {@link BigDecimal}.
 */
public final class JsonParser {

    /** Text that is not exactly one JSON value; the message says what and where. */
    public static final class MalformedJsonException extends RuntimeException {
        MalformedJsonException(String message) {
            super(message, null, false, false);
        }
    }

    // Bodies are capped already; the depth limit keeps a nested body from exhausting the stack.
    private static final int MAX_DEPTH = 32;
    private final String text;
    private int pos;
    private int depth;

    private JsonParser(String text) {
        this.text = text;
    }

    public static Object parse(String text) {
        var parser = new JsonParser(text);
        parser.skipWhitespace();
        Object value = parser.value();
        parser.skipWhitespace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the JSON value", parser.pos);
        }
        return value;
    }

    /** A JSON object whose values are all strings or null, as requests to the local interface are. */
    public static Map<String, String> parseFlatObject(String text) {
        if (!(parse(text) instanceof Map<?, ?> object)) {
            throw new MalformedJsonException("expected a JSON object {...}");
        }
        var result = new LinkedHashMap<String, String>();
        for (var member : object.entrySet()) {
            if (member.getValue() != null && !(member.getValue() instanceof String)) {
                throw new MalformedJsonException("the value of \"" + member.getKey() + "\" must be a string");
            }
            result.put((String) member.getKey(), (String) member.getValue());
        }
        return result;
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("unexpected end of the text", pos);
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || isDigit(c)) {
                    yield number();
                }
                throw error("unexpected character '" + c + "'", pos);
            }
        };
    }

    private Map<String, Object> object() {
        enter();
        var object = new LinkedHashMap<String, Object>();
        skipWhitespace();
        if (next('}')) {
            depth--;
            return object;
        }
        do {
            skipWhitespace();
            int at = pos;
            if (pos >= text.length() || text.charAt(pos) != '"') {
                throw error("expected a member name in double quotes", pos);
            }
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = value();
            if (object.containsKey(name)) {
                throw error("duplicate member \"" + name + "\"", at);
            }
            object.put(name, value);
            skipWhitespace();
        } while (next(','));
        expect('}');
        depth--;
        return object;
    }

    private List<Object> array() {
        enter();
        var array = new ArrayList<>();
        skipWhitespace();
        if (next(']')) {
            depth--;
            return array;
        }
        do {
            skipWhitespace();
            array.add(value());
            skipWhitespace();
        } while (next(','));
        expect(']');
        depth--;
        return array;
    }

    private String string() {
        pos++;
        var out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            } else if (c == '\\') {
                out.append(escape());
            } else if (c < 0x20) {
                throw error("control characters in a string must be escaped", pos - 1);
            } else {
                out.append(c);
            }
        }
        throw error("unterminated string", pos);
    }

    private char escape() {
        if (pos >= text.length()) {
            throw error("unterminated escape", pos);
        }
        char c = text.charAt(pos++);
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> throw error("invalid escape \\" + c, pos - 2);
        };
    }

    private char unicodeEscape() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = pos < text.length() ? hexDigit(text.charAt(pos)) : -1;
            if (digit < 0) {
                throw error("\\u must be followed by four hexadecimal digits", pos);
            }
            value = value * 16 + digit;
            pos++;
        }
        return (char) value;
    }

    private BigDecimal number() {
        int start = pos;
        next('-');
        if (!next('0')) {
            digits();
        }
        if (next('.')) {
            digits();
        }
        if (next('e') || next('E')) {
            if (!next('+')) {
                next('-');
            }
            digits();
        }
        try {
            return new BigDecimal(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("number out of range", start);
        }
    }

    private void digits() {
        if (pos >= text.length() || !isDigit(text.charAt(pos))) {
            throw error("expected a digit", pos);
        }
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected word; expected " + word, pos);
        }
        pos += word.length();
        return value;
    }

    private void enter() {
        pos++;
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels", pos - 1);
        }
    }

    private boolean next(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!next(c)) {
            throw error("expected '" + c + "'", pos);
        }
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    // Only ASCII digits: Character.isDigit would also accept other scripts' digits.
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int hexDigit(char c) {
        if (isDigit(c)) {
            return c - '0';
        }
        char lower = Character.toLowerCase(c);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    private MalformedJsonException error(String problem, int at) {
        return new MalformedJsonException("Malformed JSON at character " + (at + 1) + ": " + problem + ".");
    }
}
