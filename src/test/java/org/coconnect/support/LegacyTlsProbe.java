package org.coconnect.support;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.coconnect.config.KeystoreConfig;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.KeyStores;
import org.coconnect.security.TlsMaterial;

/**
 * Tries a TLS handshake with one old protocol version (TLSv1, TLSv1.1) and KR's TLS key, from a JVM of
 * its own in which the JDK's ban on those versions ({@code jdk.tls.disabledAlgorithms}) is lifted. The
 * ban cannot be lifted inside the test JVM: the JDK reads it once, when TLS is first used. A control
 * handshake with a server inside the probe first proves that the client really speaks the old version,
 * so that the refusal by the gateway is the gateway's.
 */
public final class LegacyTlsProbe {

    private static final String PASSWORD_VARIABLE = "COCONNECT_PROBE_PASSWORD";

    /** How the two handshakes ended: "accepted &lt;protocol&gt;" or "refused &lt;exception&gt;: &lt;message&gt;". */
    public record Result(String control, String gateway) {
    }

    private LegacyTlsProbe() {
    }

    /** Runs the probe against host:port with KR's keys (from {@code keystores}) offering only {@code protocol}. */
    public static Result run(KeystoreConfig keystores, String host, int port, String protocol) throws Exception {
        Path securityFile = Files.createTempFile("legacy-tls", ".security");
        try {
            Files.writeString(securityFile, "jdk.tls.disabledAlgorithms=" + withoutOldTls() + "\n", StandardCharsets.UTF_8);
            var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.security.properties=" + securityFile, "-cp", System.getProperty("java.class.path"),
                    LegacyTlsProbe.class.getName(), keystores.own().toString(), keystores.partners().toString(),
                    keystores.trust().toString(), host, String.valueOf(port), protocol));
            var process = new ProcessBuilder(command).redirectErrorStream(true);
            process.environment().put(PASSWORD_VARIABLE, new String(keystores.password()));
            Process probe = process.start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                throw new IllegalStateException("TLS probe failed: " + output);
            }
            return new Result(line(output, "control: "), line(output, "gateway: "));
        } finally {
            Files.deleteIfExists(securityFile);
        }
    }

    /** The JDK's list of disabled TLS algorithms, less TLSv1 and TLSv1.1. */
    private static String withoutOldTls() {
        return Arrays.stream(Security.getProperty("jdk.tls.disabledAlgorithms").split(","))
                .map(String::strip).filter(a -> !a.equals("TLSv1") && !a.equals("TLSv1.1"))
                .collect(Collectors.joining(", "));
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new IllegalStateException("TLS probe printed no '" + prefix + "': " + output));
    }

    /** In the probe's JVM: own, partner and trust keystore paths, host, port, protocol. */
    public static void main(String[] args) throws Exception {
        char[] password = System.getenv(PASSWORD_VARIABLE).toCharArray();
        var keys = new GatewayKeys(load(args[0], password), load(args[1], password), load(args[2], password), password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(TlsMaterial.keyManagers(keys), TlsMaterial.trustManagers(keys, List.of()), null);
        String protocol = args[5];
        try (var server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 1,
                InetAddress.getLoopbackAddress())) {
            server.setEnabledProtocols(new String[] {protocol});
            var accepting = new Thread(() -> {
                try (var socket = (SSLSocket) server.accept()) {
                    socket.startHandshake();
                } catch (IOException e) {
                    // The client side reports the outcome.
                }
            });
            accepting.start();
            System.out.println("control: " + handshake(tls, InetAddress.getLoopbackAddress().getHostAddress(),
                    server.getLocalPort(), protocol));
            accepting.join(10_000);
        }
        System.out.println("gateway: " + handshake(tls, args[3], Integer.parseInt(args[4]), protocol));
    }

    private static String handshake(SSLContext tls, String host, int port, String protocol) {
        try (var socket = (SSLSocket) tls.getSocketFactory().createSocket(host, port)) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            return "accepted " + socket.getSession().getProtocol();
        } catch (IOException e) {
            return "refused " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static KeyStore load(String path, char[] password) throws Exception {
        return KeyStores.load(Path.of(path), password);
    }
}
