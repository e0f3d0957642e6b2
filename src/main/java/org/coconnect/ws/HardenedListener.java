package org.coconnect.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntFunction;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What every listener for our own people (the local interface, the verification portal) shares on Jetty:
 * an idle timeout that also bounds every blocked read, so a client that sends a byte and waits costs a
 * connection for a while but never a thread for ever; no Server or X-Powered-By header naming Jetty; and
 * our own short error answer instead of Jetty's page for anything refused before a handler runs.
 */
public final class HardenedListener {

    /** How long a connection may stay silent, idle or half-way through a request, before it is closed. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    /** The answer to a request Jetty refuses by itself: a content type, fixed headers and a body per status. */
    public record ErrorPage(String contentType, Map<String, String> headers, IntFunction<String> body) {
    }

    private HardenedListener() {
    }

    /**
     * Applies the timeouts, the quiet headers and {@code page} to every connector of {@code server}. Also
     * accepts an encoded '/' in a path segment (a CO number may hold one); the handlers decode segments.
     */
    public static void harden(Server server, ErrorPage page) {
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof org.eclipse.jetty.server.AbstractConnector abstractConnector) {
                abstractConnector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            }
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                quiet(http.getHttpConfiguration());
            }
        }
        server.setErrorHandler(new QuietErrors(page));
    }

    /** Timeouts and headers on one HTTP configuration. */
    public static void quiet(HttpConfiguration http) {
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(true);
        http.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        http.setUriCompliance(UriCompliance.DEFAULT.with("coconnect-encoded-slash",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
    }

    /** Jetty's own refusals (unreadable request line, headers too large) answered with our page. */
    private static final class QuietErrors extends ErrorHandler {

        private final ErrorPage page;

        QuietErrors(ErrorPage page) {
            this.page = page;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
            HttpFields.Mutable headers = response.getHeaders();
            page.headers().forEach(headers::put);
            headers.put(HttpHeader.CONTENT_TYPE, page.contentType());
            headers.put(new HttpField(HttpHeader.CACHE_CONTROL, "no-store"));
            response.write(true, body(status), callback);
            return true;
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            page.headers().forEach(fields::put);
            fields.put(HttpHeader.CONTENT_TYPE, page.contentType());
            return body(status);
        }

        private ByteBuffer body(int status) {
            return ByteBuffer.wrap(page.body().apply(status).getBytes(StandardCharsets.UTF_8));
        }
    }
}
