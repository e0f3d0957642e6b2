package org.coconnect.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * KR and ID gateways partnered with each other, started once for a test class and stopped after it:
 * register with {@code @RegisterExtension static final TwoGateways gateways = new TwoGateways();}. Their
 * data lives in a directory of their own, removed afterwards; a test may create further gateways under
 * {@link #dir()}.
 */
public final class TwoGateways implements BeforeAllCallback, AfterAllCallback {

    private final java.util.function.UnaryOperator<GatewayConfig> adjustId;
    private Path dir;
    private List<GatewayConfig> configs;

    public TwoGateways() {
        this(c -> c);
    }

    /** With ID's configuration changed before it starts (e.g. clients of its local interface). */
    public TwoGateways(java.util.function.UnaryOperator<GatewayConfig> adjustId) {
        this.adjustId = adjustId;
    }
    private Gateway kr;
    private Gateway id;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("two-gateways");
        configs = TestGateways.configs(dir);
        configs = List.of(configs.get(0), adjustId.apply(configs.get(1)));
        kr = TestGateways.start(configs.get(0));
        id = TestGateways.start(configs.get(1));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (kr != null) kr.close();
        } finally {
            if (id != null) id.close();
            deleteQuietly(dir);
        }
    }

    /** The KR (exporting) gateway. */
    public Gateway kr() { return kr; }

    /** The ID (importing) gateway. */
    public Gateway id() { return id; }

    /** KR's configuration first, ID's second, as {@link TestGateways#configs(Path)} made them. */
    public List<GatewayConfig> configs() { return configs; }

    /** The directory holding both gateways' data. */
    public Path dir() { return dir; }

    // Best effort, like JUnit's @TempDir: a file still held open must not fail the test class.
    private static void deleteQuietly(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left for the operating system's temp cleaner
        }
    }
}
