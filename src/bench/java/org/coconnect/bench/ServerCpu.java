package org.coconnect.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * CPU time of one server's request threads: the Jetty pool of the engine listening on a port. The
 * whole receive (TLS, WS-Security, validation, binding, persistence, the signed and encrypted answer)
 * runs on these threads; client, sender gateway and the other server in the same JVM run on others.
 * JVM-wide work (GC, JIT compilers) is not attributed to any server and so not counted.
 */
final class ServerCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final String prefix;

    private ServerCpu(String prefix) {
        this.prefix = prefix;
    }

    /** The request threads of the CXF Jetty engine on this port; its pool must be Jetty's default. */
    static ServerCpu ofPort(int port) {
        var engine = new JettyHTTPServerEngineFactory().retrieveJettyHTTPServerEngine(port);
        if (engine == null || !(engine.getServer().getThreadPool() instanceof QueuedThreadPool pool)) {
            throw new IllegalStateException("no Jetty engine with a QueuedThreadPool on port " + port);
        }
        if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
        return new ServerCpu(pool.getName() + "-");
    }

    /** CPU nanoseconds of each of the pool's live threads now, by thread ID. */
    Map<Long, Long> snapshot() {
        var cpu = new HashMap<Long, Long>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                long nanos = THREADS.getThreadCpuTime(t.getId());
                if (nanos >= 0) {
                    cpu.put(t.getId(), nanos);
                }
            }
        }
        return cpu;
    }

    /**
     * CPU nanoseconds the pool's threads used since {@code before}; a thread started since counts from
     * zero. A thread that ended in between is lost (Jetty retires idle threads after a minute: not under load).
     */
    long nanosSince(Map<Long, Long> before) {
        long total = 0;
        for (var e : snapshot().entrySet()) {
            total += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return total;
    }
}
