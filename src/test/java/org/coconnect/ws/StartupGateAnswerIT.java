package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A closed start-up gate answers in the binding the request was addressed to: a SOAP fault on an operation's
 * address, a JSON problem under /json/, both 503 CC-9005, so a JSON partner reads the code it retries on.
 */
class StartupGateAnswerIT {

    private final StartupGate gate = new StartupGate();
    private Server server;
    private String base;

    @BeforeEach
    void startAListenerWhoseGateIsClosed() throws Exception {
        server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.setHandler(gate);
        server.setErrorHandler(new ListenerErrorHandler());
        server.start();
        base = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aSoapOperationGetsASoapFault() throws Exception {
        HttpResponse<String> answer = post("/send-co", "text/xml");

        assertEquals(503, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"), answer.headers().toString());
        assertTrue(answer.body().contains("<faultstring>CC-9005"), answer.body());
    }

    @Test
    void aJsonOperationGetsAJsonProblemNotASoapEnvelope() throws Exception {
        HttpResponse<String> answer = post("/json/send-co", "application/jose");

        assertEquals(503, answer.statusCode());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
        assertTrue(answer.body().startsWith("{\"code\":\"CC-9005\",\"text\":\""), answer.body());
        assertFalse(answer.body().contains("Envelope"), answer.body());
    }

    @Test
    void anUnknownJsonPathAfterStartGetsAJsonProblemFromTheErrorHandler() throws Exception {
        gate.open();   // nothing is published behind it, so Jetty answers 404 through the listener's error handler

        HttpResponse<String> answer = post("/json/no-such-operation", "application/jose");

        assertEquals(404, answer.statusCode());
        assertTrue(answer.body().startsWith("{\"code\":\"CC-"), answer.body());
    }

    private HttpResponse<String> post(String path, String type) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
