package org.coconnect.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Peak heap during a run from the JVM's own bookkeeping: every heap pool's peak is reset at the start
 * and read at the end (no polling thread that misses short peaks). The sum of the pools' peaks is an
 * upper bound of the heap in use at any one moment (eden and old may peak at different times);
 * garbage is included, so with a roomy -Xmx it follows the collector's sizing.
 */
final class HeapPeak {

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();

    private HeapPeak() {
    }

    /** Resets the heap pools' peaks now. */
    static HeapPeak start() {
        var peak = new HeapPeak();
        peak.pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        return peak;
    }

    /** The sum of the heap pools' peaks since {@link #start()}, in bytes. */
    long peakUsed() {
        return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }
}
