package org.coconnect.ws.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.coconnect.error.ErrorCode;

/** One request to the local interface: its query parameters and a capped body, read only when asked for. */
final class LocalRequest {

    static final int XML_LIMIT = 16 * 1024 * 1024;
    static final int JSON_LIMIT = LocalJson.MAX_DOCUMENT;
    private static final Set<String> XML_TYPES = Set.of("application/xml", "text/xml");
    private static final Set<String> JSON_TYPES = Set.of("application/json");

    private final URI uri;
    private final String contentType;
    private final InputStream body;

    /** A request to {@code uri} with the Content-Type given (or null) and its body (null when there is none). */
    LocalRequest(URI uri, String contentType, InputStream body) {
        this.uri = uri;
        this.contentType = contentType;
        this.body = body;
    }

    /** The query parameters; an unknown or repeated one is refused so that a typo never widens a search. */
    Map<String, String> query(Set<String> allowed) {
        var parameters = new LinkedHashMap<String, String>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!allowed.contains(name)) {
                throw badRequest("Unknown query parameter '" + name + "'; known are " + String.join(", ", allowed) + ".");
            }
            if (parameters.put(name, value) != null) {
                throw badRequest("Query parameter '" + name + "' is given twice.");
            }
        }
        return parameters;
    }

    /** The body of a CO information package: XML, UTF-8, at most 16 MB. */
    String xmlBody() {
        requireContentType(XML_TYPES);
        String xml = text(body(XML_LIMIT));
        return xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
    }

    /** A JSON object of strings, UTF-8, at most 64 KB. */
    Map<String, String> jsonBody() {
        requireContentType(JSON_TYPES);
        byte[] json = body(JSON_LIMIT);
        text(json); // refuses bytes that are not UTF-8 with our own message before Jackson sees them
        return LocalJson.readFlatObject(json);
    }

    private void requireContentType(Set<String> accepted) {
        String header = contentType;
        String[] parts = header == null ? new String[] {""} : header.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        boolean utf8 = true;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                utf8 = parameter.substring("charset=".length()).replace("\"", "").equals("utf-8");
            }
        }
        if (!accepted.contains(mediaType) || !utf8) {
            throw new LocalApiException(415, ErrorCode.LOCAL_BAD_REQUEST, "Content-Type must be "
                    + String.join(" or ", accepted.stream().sorted().toList()) + " (UTF-8), not '"
                    + (header == null ? "" : header) + "'.");
        }
    }

    private byte[] body(int limit) {
        if (body == null) {
            return new byte[0];
        }
        // The declared length was checked before routing (LocalAdmission); this catches a chunked body.
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw badRequest("The request body could not be read: " + e.getMessage());
        }
    }

    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw badRequest("The request body is not valid UTF-8.");
        }
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badRequest("The request URI is not properly percent-encoded.");
        }
    }

    static LocalApiException tooLarge(int limit) {
        return new LocalApiException(413, ErrorCode.PAYLOAD_LIMIT_EXCEEDED,
                "The request body exceeds the limit of " + limit / 1024 + " KB for this endpoint.");
    }

    static LocalApiException badRequest(String text) {
        return new LocalApiException(400, ErrorCode.LOCAL_BAD_REQUEST, text);
    }
}
