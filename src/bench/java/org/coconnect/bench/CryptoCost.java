package org.coconnect.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The cryptography a message costs, with plain JCA and nothing else, one thread, measured by JMH
 * ({@link CryptoBenchmark}, in a forked JVM). The policy signs and encrypts both the request and the
 * acknowledgement, so each side does one RSA sign, one RSA-OAEP decrypt, one verify and one RSA-OAEP
 * encrypt, plus AES-256-GCM and SHA-256 over the payload.
 */
final class CryptoCost {

    /** Milliseconds per operation, measured in one thread. */
    record Costs(double signMs, double decryptMs, double verifyMs, double encryptMs) {

        /** The receiving gateway's share: decrypt the request key, verify, sign and encrypt the ack. */
        double serverRsaMs() {
            return signMs + decryptMs + verifyMs + encryptMs;
        }

        /** Both sides on one machine, as in the benchmark. */
        double loopRsaMs() {
            return 2 * serverRsaMs();
        }
    }

    private static final String BENCHMARK = CryptoBenchmark.class.getName() + ".";

    Costs rsa() throws RunnerException {
        Collection<RunResult> results = MicroCommand.run(MicroCommand.options(
                BENCHMARK + "(sign|verify|oaepDecrypt|oaepEncrypt)$", 1).verbosity(VerboseMode.SILENT));
        return new Costs(ms(results, "sign"), ms(results, "oaepDecrypt"), ms(results, "verify"),
                ms(results, "oaepEncrypt"));
    }

    /** AES-256-GCM encrypt + decrypt and two SHA-256 digests over a payload of this size, per side. */
    double symmetricMs(int payloadBytes) throws RunnerException {
        var results = MicroCommand.run(MicroCommand.options(BENCHMARK + "symmetric$", 1)
                .param("payloadBytes", String.valueOf(payloadBytes)).verbosity(VerboseMode.SILENT));
        return ms(results, "symmetric");
    }

    private static double ms(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow(() -> new IllegalStateException("JMH ran no " + method))
                .getPrimaryResult().getScore();
    }
}
