package org.coconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.coconnect.Gateway;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.TlsMaterial;
import org.coconnect.support.LoopbackPorts;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With local.tls the local interface is HTTPS, and the CLI trusts the gateway's own TLS certificate alone: it never
 * hands its credential to another server answering on the port, even one with a certificate of the same CA.
 */
class LocalTlsIT {

    @TempDir
    static Path dir;
    static Gateway kr;
    static GatewayKeys krKeys;
    static GatewayKeys idKeys;

    @BeforeAll
    static void start() {
        var configs = TestGateways.configs(dir);
        var config = configs.get(0);
        kr = TestGateways.start(config.withLocalApi(config.localApi().withTls(true)));
        krKeys = GatewayKeys.load(config.keystores());
        idKeys = GatewayKeys.load(configs.get(1).keystores());
    }

    @AfterAll
    static void stop() {
        if (kr != null) kr.close();
    }

    @Test
    void theCliReachesTheGatewayOverHttpsPinnedToItsCertificate() throws Exception {
        var client = new LocalClient(kr.config().localApi(), krKeys.tlsCertificate());

        var answer = client.get("/health");

        assertEquals("https", client.base().getScheme());
        assertEquals(200, answer.status(), answer.body());
    }

    @Test
    void anImpostorOnThePortNeverGetsTheCredential() throws Exception {
        var context = SSLContext.getInstance("TLS");
        context.init(TlsMaterial.keyManagers(idKeys), null, null);
        int port = LoopbackPorts.reserve();
        try (var server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(port, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
                var bytes = new ByteArrayOutputStream();
                try (var socket = server.accept()) {
                    socket.setSoTimeout(10_000);
                    socket.getInputStream().transferTo(bytes);
                } catch (IOException e) {
                    // the client gave up the handshake: nothing was sent
                }
                return bytes.toString(StandardCharsets.ISO_8859_1);
            });
            var impostor = new org.coconnect.config.LocalApiConfig("127.0.0.1", port, null,
                    TestGateways.LOCAL_TOKEN.toCharArray()).withTls(true);
            var client = new LocalClient(impostor, krKeys.tlsCertificate());

            assertThrows(IOException.class, () -> client.get("/health"));
            assertFalse(received.get(30, TimeUnit.SECONDS).contains(TestGateways.LOCAL_TOKEN), "the credential leaked");
        }
    }
}
