package org.coconnect.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Guards the benchmark harness, not the speed: a tiny run completes and every message is accepted. */
class BenchCommandIT {

    @TempDir
    Path dir;

    @Test
    void aTinyRunSendsEveryMessageToBothTargetsAndDrainsTheBacklog() throws Exception {
        var bench = new BenchCommand();
        int exit = new CommandLine(bench).execute("--messages", "20", "--concurrency", "2", "--sizes", "1",
                "--warmup", "0", "--backlog", "10", "--no-crypto", "--dir", dir.toString());

        assertEquals(0, exit);
        assertEquals(1, bench.rows.size());
        LoadResult gateway = bench.rows.get(0).gateway().get(0);
        assertEquals(20, gateway.messages());
        assertTrue(gateway.allAccepted(), () -> "answers " + gateway.statuses() + ", first error " + gateway.firstError());
        assertTrue(gateway.rate() > 0);
        assertEquals(20, gateway.latencies().getTotalCount());
        assertTrue(gateway.serverCpuNanos() > 0, "the receiving gateway's request threads used CPU");
        LoadResult bare = bench.rows.get(0).bare().get(0);
        assertTrue(bare.allAccepted(), () -> "bare answers " + bare.statuses() + ", first error " + bare.firstError());
        assertTrue(bench.rows.get(0).payloadBytes() > 1000);
        assertNotNull(bench.backlogResult);
        assertTrue(bench.backlogResult.allDelivered(), () -> "outbox " + bench.backlogResult.outbox());
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("run-")),
                    "the run's databases are deleted unless --keep-databases");
        }
    }
}
