package org.coconnect.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.xml.parsers.DocumentBuilderFactory;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.TlsMaterial;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * POSTs raw SOAP envelopes over mutual TLS with a gateway's TLS key, the way a partner's gateway
 * would, but with no SOAP stack in between: what the test built is exactly what goes on the wire.
 */
public final class MutualTlsSoapClient {

    private final HttpClient http;
    private final String authorization;

    /** @param login the HTTP Basic login to present, or null for none */
    public MutualTlsSoapClient(GatewayKeys keys, CredentialFiles.Login login) {
        this.authorization = login == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (login.user() + ":" + new String(login.password())).getBytes(StandardCharsets.UTF_8));
        try {
            SSLContext tls = SSLContext.getInstance("TLSv1.3");
            tls.init(TlsMaterial.keyManagers(keys), TlsMaterial.trustManagers(keys, List.of()), null);
            http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS client cannot be set up", e);
        }
    }

    /** A client with {@code from}'s TLS key and its Basic login with the given partner, as that partner's gateway would be. */
    public static MutualTlsSoapClient asPartner(org.coconnect.config.GatewayConfig from, String partnerId) {
        return new MutualTlsSoapClient(GatewayKeys.load(from.keystores()),
                CredentialFiles.readOutbound(from.keystores().outboundCredentials()).get(partnerId));
    }

    /** The HTTP answer: status, headers and body as received. */
    public record Response(int status, byte[] body, java.net.http.HttpHeaders headers) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The parsed SOAP envelope of the answer. */
        public Document document() {
            try {
                var factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            } catch (Exception e) {
                throw new AssertionError("answer is not XML: " + text(), e);
            }
        }

        /** The faultstring of a SOAP 1.1 fault, or null when the answer is no fault. */
        public String faultString() {
            return MutualTlsSoapClient.faultString(document());
        }
    }

    /** A GET, e.g. of an endpoint's ?wsdl. */
    public Response get(URI address) {
        var builder = HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(60)).GET();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return send(builder.build(), address);
    }

    /** The faultstring of a SOAP 1.1 fault in this (decrypted) envelope, or null when it holds no fault. */
    public static String faultString(Document envelope) {
        var faults = envelope.getElementsByTagNameNS(HandMadeEnvelope.SOAP11, "Fault");
        if (faults.getLength() == 0) {
            return null;
        }
        var strings = ((Element) faults.item(0)).getElementsByTagName("faultstring");
        return strings.getLength() == 0 ? null : strings.item(0).getTextContent();
    }

    public Response post(URI address, String soapAction, byte[] envelope) {
        return send("POST", address, "text/xml; charset=UTF-8", soapAction, envelope);
    }

    /**
     * Any request, for attacks on the HTTP layer: the method, the Content-Type and SOAPAction (each left
     * out when null) and the body (none when null) exactly as given, with our login.
     */
    public Response send(String method, URI address, String contentType, String soapAction, byte[] body) {
        return send(method, address, contentType, soapAction, body, Map.of());
    }

    /** A SOAP POST with extra request headers, e.g. the X-Forwarded-For a proxy adds. */
    public Response post(URI address, String soapAction, byte[] envelope, Map<String, String> headers) {
        return send("POST", address, "text/xml; charset=UTF-8", soapAction, envelope, headers);
    }

    private Response send(String method, URI address, String contentType, String soapAction, byte[] body,
                          Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(address)
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (soapAction != null) {
            builder.header("SOAPAction", "\"" + soapAction + "\"");
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::header);
        var request = builder.build();
        return send(request, address);
    }

    private Response send(HttpRequest request, URI address) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " to " + address + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
