package org.coconnect.ws.local;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an endpoint answers: status, JSON body (maps and lists) and extra headers. */
record LocalResponse(int status, Object body, Map<String, String> headers) {

    /** A body written as it is, with its own content type, instead of as JSON. */
    record Text(String contentType, String text) {
    }

    static LocalResponse of(int status, Object body) {
        return new LocalResponse(status, body, Map.of());
    }

    LocalResponse withHeader(String name, String value) {
        var more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new LocalResponse(status, body, more);
    }
}
