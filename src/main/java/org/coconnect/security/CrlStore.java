package org.coconnect.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.util.List;
import java.util.stream.Stream;
import org.coconnect.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRLs the gateway holds, from {@code keystores/<gw>/crls/*.crl}, re-read while it runs: {@link #refresh()}
 * reads the directory again when a file in it was added, removed or changed. A file that cannot be read at start-up
 * stops the start; one dropped in later is logged and the CRLs held so far stay in force.
 */
public final class CrlStore {

    private static final Logger LOG = LoggerFactory.getLogger(CrlStore.class);

    private final Path directory;
    private volatile List<X509CRL> crls;
    private volatile String seen;

    public CrlStore(Path directory) {
        this.directory = directory;
        this.seen = listing();
        this.crls = List.copyOf(Crls.load(directory));
    }

    /** A fixed set of CRLs, never re-read (tests and tools). */
    public static CrlStore of(List<X509CRL> crls) {
        var store = new CrlStore(Path.of("/nonexistent-crl-directory"));
        store.crls = List.copyOf(crls);
        return store;
    }

    public List<X509CRL> current() {
        return crls;
    }

    /** Reads the directory again if its files changed since the last read; returns whether the CRLs were replaced. */
    public synchronized boolean refresh() {
        String now = listing();
        if (now.equals(seen)) {
            return false;
        }
        try {
            crls = List.copyOf(Crls.load(directory));
            seen = now;
            LOG.info("CRLs re-read from {}: {}", directory, crls.stream()
                    .map(c -> c.getIssuerX500Principal().getName() + " (next update " + c.getNextUpdate().toInstant() + ")")
                    .toList());
            return true;
        } catch (ConfigException e) {
            // Not marked as seen: the next pass tries again, e.g. once a copy in progress is complete.
            LOG.error("CRLs in {} not re-read, the previous ones stay in force: {}", directory, e.getMessage());
            return false;
        }
    }

    /** Names, sizes and modification times of the CRL files: what tells a change. */
    private String listing() {
        if (!Files.isDirectory(directory)) {
            return "";
        }
        try (Stream<Path> files = Files.list(directory)) {
            var text = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".crl")).sorted().toList()) {
                text.append(file.getFileName()).append(':').append(Files.size(file)).append(':')
                        .append(Files.getLastModifiedTime(file).toMillis()).append(';');
            }
            return text.toString();
        } catch (IOException e) {
            return "unlistable:" + e.getMessage();
        }
    }
}
