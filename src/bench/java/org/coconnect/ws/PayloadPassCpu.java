package org.coconnect.ws;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * {@link PayloadPassBenchmark}'s operations timed by this thread's CPU time (ThreadMXBean), alternating
 * in rounds: on a shared machine, wall-clock JMH scores carry the other processes' load, CPU time does not.
 */
public final class PayloadPassCpu {

    private interface Op {
        Object run() throws Exception;
    }

    private PayloadPassCpu() {
    }

    /** Prints CPU milliseconds per call of each operation, for 10 and 100 goods items, in 4 rounds (the first warms up). */
    public static void report(PrintStream out) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        for (int items : new int[] {10, 100}) {
            var bench = new PayloadPassBenchmark();
            bench.goodsItems = items;
            bench.setUp();
            Op[] ops = {bench::validateThenBind, bench::validateWhileBinding, bench::digest};
            int calls = items == 10 ? 400 : 60;
            for (int round = 0; round < 4; round++) {
                double[] ms = new double[ops.length];
                for (int k = 0; k < ops.length; k++) {
                    long start = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < calls; i++) {
                        ops[k].run();
                    }
                    ms[k] = (threads.getCurrentThreadCpuTime() - start) / 1e6 / calls;
                }
                out.printf(Locale.ROOT, "%3d goods items, round %d%s: validateThenBind %.3f ms CPU, validateWhileBinding %.3f,"
                        + " digest %.3f%n", items, round + 1, round == 0 ? " (warm-up)" : "", ms[0], ms[1], ms[2]);
            }
        }
    }
}
