package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.Operation;
import org.coconnect.support.GatewayProcess;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13: while a gateway starts, a partner posting to its operations must see the connection
 * refused or 503 (retry later), never a 4xx, which says "do not retry". A gateway in its own process
 * is hammered from the moment it is launched until it serves.
 */
class StartupGateIT {

    @TempDir
    Path dir;

    @Test
    void postsWhileTheGatewayStartsNeverGetA4xx() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        var client = MutualTlsSoapClient.asPartner(configs.get(0), TestGateways.ID_ID);
        String base = GatewayServer.baseUrl(configs.get(1));
        // send-co is published first, the last operation and then verify-co last: all are refused alike until all are up.
        Operation last = Operation.values()[Operation.values().length - 1];
        List<URI> addresses = List.of(URI.create(base + "/verify-co"), URI.create(base + "/send-co"),
                URI.create(base + "/" + last.pathName()));
        byte[] body = "not xml".getBytes(StandardCharsets.UTF_8);
        var answers = new ArrayList<String>();
        int served = 0;
        try (GatewayProcess id = GatewayProcess.launch(dir, "id", configs.get(1), Map.of())) {
            for (int attempt = 0; attempt < 20_000 && served < addresses.size() * 5; attempt++) {
                URI address = addresses.get(attempt % addresses.size());
                String action = "urn:coconnect:" + address.getPath().substring(1);
                try {
                    var answer = client.post(address, action, body);
                    assertTrue(answer.status() < 400 || answer.status() >= 500,
                            "HTTP " + answer.status() + " from " + address + " during start-up: " + answer.text());
                    if (answer.status() == 503) {
                        assertTrue(answer.text().contains("CC-9005"), answer.text());
                        answers.add("503");
                    } else {
                        served++;
                        answers.add(String.valueOf(answer.status()));
                    }
                } catch (IllegalStateException notListening) {
                    assertTrue(id.isAlive(), "the gateway process ended during start-up");
                    Thread.sleep(20);
                }
            }
        }
        assertEquals(addresses.size() * 5, served, "the gateway served in the end; answers: " + answers);
    }
}
