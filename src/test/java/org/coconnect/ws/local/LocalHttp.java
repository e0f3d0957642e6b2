package org.coconnect.ws.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coconnect.Gateway;
import org.coconnect.support.TestGateways;

/** A test client for one gateway's local interface, over real HTTP on loopback. */
final class LocalHttp {

    /** An answer: status, headers and the body, parsed when it is JSON. */
    record Reply(int status, Map<String, List<String>> headers, String body) {
        Map<?, ?> json() {
            return (Map<?, ?>) LocalJson.parseOrNull(body);
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), List.of()).stream().findFirst().orElse(null);
        }

        /** The codes of the problems listed, in order. */
        List<Object> codes() {
            return problems().stream().map(p -> (Object) p.get("code")).toList();
        }

        List<Map<?, ?>> problems() {
            return ((List<?>) json().get("problems")).stream().<Map<?, ?>>map(p -> (Map<?, ?>) p).toList();
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final int port;

    LocalHttp(Gateway gateway) {
        this.port = gateway.config().localApi().port();
    }

    int port() {
        return port;
    }

    Reply get(String path) {
        return send(request(path, Optional.of(TestGateways.LOCAL_TOKEN)).GET());
    }

    Reply postXml(String path, String xml) {
        return post(path, "application/xml", xml, Optional.of(TestGateways.LOCAL_TOKEN));
    }

    Reply postJson(String path, String json) {
        return post(path, "application/json", json, Optional.of(TestGateways.LOCAL_TOKEN));
    }

    Reply post(String path, String contentType, String body, Optional<String> token) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A request as a given client (its credential), optionally naming the client's user; body null for a GET. */
    Reply as(String credential, String user, String method, String path, String contentType, String body) {
        var builder = request(path, Optional.of(credential));
        if (user != null) {
            builder.header("X-CoConnect-User", user);
        }
        if (body == null) {
            return send(builder.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return send(builder.header("Content-Type", contentType).method(method,
                HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /**
     * Sends a request head as written, without the body it announces, and returns the status line:
     * shows what the server answers before (or instead of) reading a body.
     */
    String statusLineWithoutBody(String... headLines) {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            String head = String.join("\r\n", headLines) + "\r\nHost: 127.0.0.1\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readLine(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    private HttpRequest.Builder request(String path, Optional<String> token) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
