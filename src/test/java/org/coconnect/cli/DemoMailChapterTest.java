package org.coconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoMailChapterTest {

    @Test
    void theMailChapterRunsWhereGreenMailIsOnTheClassPath() {
        assertEquals(Optional.empty(), DemoMailChapter.skipReason());
    }

    @Test
    void anInstalledReleaseWithoutGreenMailSkipsTheChapterAndSaysHowToRunIt() {
        String reason = DemoMailChapter.skipReason("com.icegreen.greenmail.util.NotShipped").orElseThrow();
        assertTrue(reason.contains("GreenMail") && reason.contains("mvn -q compile exec:java -Dexec.args=demo"),
                reason);
    }
}
