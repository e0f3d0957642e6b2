package org.coconnect.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import org.coconnect.config.LocalApiConfig;
import org.coconnect.ws.local.LocalJson;

/** Talks to a running gateway's local interface as its operator client, with the token of local.token.file. */
final class LocalClient {

    /** An answer: the HTTP status and the JSON body (null when the body was not JSON). */
    record Answer(int status, Object json, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            return json instanceof Map<?, ?> ? (Map<String, Object>) json : Map.of();
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final HttpClient http;
    private final URI base;
    private final String token;
    private final boolean tls;

    /**
     * A client of the gateway at the configured address: over HTTPS trusting only {@code gatewayTls} (the gateway's
     * own TLS certificate) when local.tls is on, else over loopback HTTP to a listener of this user's only.
     */
    LocalClient(LocalApiConfig config, X509Certificate gatewayTls) throws GeneralSecurityException {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        this.tls = config.tls();
        this.base = URI.create((tls ? "https://" : "http://") + host + ":" + config.port());
        this.token = new String(config.token());
        var builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls) {
            builder.sslContext(PinnedCertificate.context(gatewayTls));
        }
        this.http = builder.build();
    }

    URI base() {
        return base;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Answer post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A POST with a JSON object of strings as its body. */
    Answer postJson(String path, Map<String, String> body) throws IOException, InterruptedException {
        return post(path, "application/json", LocalJson.write(body)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The path of a resource from its segments, each percent-encoded (a CO number may hold a '/'). */
    static String path(Object... segments) {
        var path = new StringBuilder();
        for (Object segment : segments) {
            path.append('/').append(URLEncoder.encode(String.valueOf(segment), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path.toString();
    }

    /** A query string of the given parameters, leaving out those without a value. */
    static String query(Map<String, String> parameters) {
        var query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (var parameter : parameters.entrySet()) {
            if (parameter.getValue() != null) {
                query.add(parameter.getKey() + "=" + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!tls) {
            ListenerOwner.requireOwn(base.getPort());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), LocalJson.parseOrNull(response.body()), response.body());
    }
}
