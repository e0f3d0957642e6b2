package org.coconnect.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.coconnect.Gateway;
import org.coconnect.persistence.MessageEntity;
import org.coconnect.support.JsonPartner;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's whole story (what `coconnect demo --json` runs) between two gateways that agreed on the JSON API. */
class DemoStoryJsonIT {

    @TempDir
    Path dir;

    @Test
    void theWholeDemoStoryRunsOverTheJsonApi() throws Exception {
        var configs = JsonPartner.onJson(TestGateways.configs(dir), true);
        var out = new ByteArrayOutputStream();
        try (Gateway exporter = Gateway.start(configs.get(0), Clock.systemUTC()).startDelivery()) {
            var story = new DemoStory(exporter, () -> Gateway.start(configs.get(1), Clock.systemUTC()).startDelivery(),
                    new Timeline(new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC()));
            try {
                story.run();
                String timeline = out.toString(StandardCharsets.UTF_8);
                assertTrue(timeline.contains("DUPLICATE"), timeline);
                assertTrue(timeline.contains("FOUND"), timeline);
                for (Gateway g : new Gateway[] {exporter, story.importer()}) {
                    assertTrue(StoredRows.messages(g).stream().filter(m -> m.direction() == MessageEntity.Direction.INBOUND)
                            .allMatch(m -> new String(m.rawEnvelope(), StandardCharsets.US_ASCII).startsWith("eyJ")),
                            g.config().selfId() + " received something that is not a JWS");
                }
            } finally {
                story.importer().close();
            }
        }
    }
}
