package org.coconnect.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.TlsMaterial;

/** Plain HTTPS to a partner, with or without our client certificate, and no SOAP stack in between. */
final class PartnerHttp {

    /** An HTTP answer: status and body text. */
    record Answer(int status, String body) {
    }

    private final HttpClient http;
    private final String authorization;

    /** keyManagers null: no client certificate is offered; login null: no Basic credentials are sent. */
    PartnerHttp(KeyManager[] keyManagers, TrustManager[] trustManagers, CredentialFiles.Login login) {
        this.authorization = login == null ? null : "Basic " + java.util.Base64.getEncoder().encodeToString(
                (login.user() + ":" + new String(login.password())).getBytes(StandardCharsets.UTF_8));
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keyManagers, trustManagers, null);
            var parameters = new SSLParameters();
            parameters.setProtocols(TlsMaterial.PROTOCOLS.toArray(String[]::new));
            http = HttpClient.newBuilder().sslContext(tls).sslParameters(parameters)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS client cannot be set up", e);
        }
    }

    Answer get(URI address) throws IOException {
        return send(HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(30)).GET());
    }

    Answer postSoap(URI address, String soapAction, String envelope) throws IOException {
        return send(HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"" + soapAction + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)));
    }

    Answer postJose(URI address, String compact) throws IOException {
        return send(HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/jose")
                .POST(HttpRequest.BodyPublishers.ofString(compact, StandardCharsets.US_ASCII)));
    }

    private Answer send(HttpRequest.Builder builder) throws IOException {
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
