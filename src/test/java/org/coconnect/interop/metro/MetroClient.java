package org.coconnect.interop.metro;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;

/**
 * A partner's client on Metro: JAX-WS Dispatch, WS-Security from the WSDL's policy and
 * META-INF/wsit-client.xml (keys), nothing of ours. Run by MetroInteropIT in a JVM whose classpath is
 * Metro's (target/metro) and this class only; it uses the standard JAX-WS API and Metro's documented
 * property names, so it compiles without Metro.
 *
 * <p>Arguments: wsdl-url service port address soap-action tls-keystore.p12 tls-truststore.p12 password
 * request.xml response.xml basic-user basic-password. Exit code 0 when the answer passed Metro's security processing and was written.
 */
public final class MetroClient {

    private static final String NS = "urn:coconnect:wsdl:1";
    /** Metro's request-context key for the HTTPS socket factory (com.sun.xml.ws.developer.JAXWSProperties). */
    private static final String SSL_SOCKET_FACTORY = "com.sun.xml.ws.transport.https.client.SSLSocketFactory";

    private MetroClient() {
    }

    public static void main(String[] args) throws Exception {
        Service service = Service.create(new URL(args[0]), new QName(NS, args[1]));
        System.out.println("JAX-WS implementation: " + service.getClass().getName() + " / "
                + jakarta.xml.ws.spi.Provider.provider().getClass().getName());
        Dispatch<Source> dispatch = service.createDispatch(new QName(NS, args[2]), Source.class, Service.Mode.PAYLOAD);
        var context = dispatch.getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, args[3]);
        context.put(BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
        context.put(BindingProvider.SOAPACTION_URI_PROPERTY, args[4]);
        context.put(SSL_SOCKET_FACTORY, tls(Path.of(args[5]), Path.of(args[6]), args[7].toCharArray()).getSocketFactory());
        // Metro sends these as HTTP Basic credentials, which a CoConnect gateway checks before the body.
        context.put(BindingProvider.USERNAME_PROPERTY, args[10]);
        context.put(BindingProvider.PASSWORD_PROPERTY, args[11]);
        Source response = dispatch.invoke(new StreamSource(Path.of(args[8]).toFile()));
        TransformerFactory.newInstance().newTransformer().transform(response, new StreamResult(Path.of(args[9]).toFile()));
        System.out.println("answer written to " + args[9]);
    }

    private static SSLContext tls(Path keyStore, Path trustStore, char[] password) throws Exception {
        var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore, password), password);
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore, password));
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return tls;
    }

    private static KeyStore load(Path file, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
