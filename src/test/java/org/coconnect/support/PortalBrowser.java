package org.coconnect.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.coconnect.Gateway;

/**
 * A plain HTTPS client for a gateway's verification portal, as an officer's browser connects: no client
 * certificate, trusting the test CA (the gateway's trust store), checking the host name.
 */
public final class PortalBrowser {

    private final HttpClient http;
    private final String base;

    public PortalBrowser(Gateway gateway) {
        var keystores = gateway.config().keystores();
        try (InputStream in = Files.newInputStream(keystores.trust())) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(in, keystores.password());
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, factory.getTrustManagers(), null);
            this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust the test CA", e);
        }
        this.base = "https://localhost:" + gateway.config().verification().portalPort();
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return base;
    }
}
