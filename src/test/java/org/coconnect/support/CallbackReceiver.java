package org.coconnect.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A domestic system's callback endpoint on loopback, for tests: records every call answered (headers, body, status), can answer
 * 500 to the first calls, and can hold the first call unanswered until released (to kill the gateway mid-delivery).
 */
public final class CallbackReceiver implements AutoCloseable {

    /** One call as received. */
    public record Call(String eventId, String timestamp, String signature, String body, int status) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger seen = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean holdFirst;
    private volatile String heldEventId;

    public CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            boolean first = seen.getAndIncrement() == 0;
            if (first && holdFirst) {
                heldEventId = h.getFirst("X-CoConnect-Event-Id");
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            calls.add(new Call(h.getFirst("X-CoConnect-Event-Id"), h.getFirst("X-CoConnect-Timestamp"),
                    h.getFirst("X-CoConnect-Signature"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** Answers 500 to the next {@code n} calls. */
    public CallbackReceiver failFirst(int n) {
        failuresLeft.set(n);
        return this;
    }

    /** Holds the first call without an answer until {@link #release()}. */
    public CallbackReceiver holdFirst() {
        holdFirst = true;
        return this;
    }

    public void release() {
        release.countDown();
    }

    /** Calls that arrived so far, answered or still held. */
    public int heldCalls() {
        return seen.get();
    }

    /** The event ID of the call held, or null. */
    public String heldEventId() {
        return heldEventId;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
