package org.coconnect.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for test listeners that a test must know before it binds them (two gateways name each other's
 * address in their configuration). A port from {@code ServerSocket(0)} is in the kernel's ephemeral range,
 * so any outgoing connection may take it between the check and the bind; these come from below that range
 * (20000-32767), where the kernel never assigns source ports, and each one is reserved across processes by a
 * file lock held until the JVM exits, so two test JVMs on one machine never hand out the same port.
 */
public final class LoopbackPorts {

    private static final int FIRST = 20_000;
    private static final int COUNT = 12_768;
    private static final Path LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "coconnect-test-ports");
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(COUNT));
    /** Held for the life of the JVM: releasing a lock would let another test JVM take a port still in use. */
    private static final List<FileLock> HELD = new CopyOnWriteArrayList<>();

    private LoopbackPorts() {
    }

    /** A port nothing listens on at 127.0.0.1 and no other test JVM on this machine has been given. */
    public static int reserve() {
        try {
            Files.createDirectories(LOCKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int attempt = 0; attempt < COUNT; attempt++) {
            int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), COUNT);
            if (lock(port) && bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port between " + FIRST + " and " + (FIRST + COUNT));
    }

    private static boolean lock(int port) {
        try {
            FileChannel channel = FileChannel.open(LOCKS.resolve(Integer.toString(port)), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return false;
            }
            HELD.add(lock);
            return true;
        } catch (OverlappingFileLockException | IOException e) {
            return false;
        }
    }

    private static boolean bindable(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
