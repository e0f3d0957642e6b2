package org.coconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.coconnect.domain.OriginTreatmentFeedback;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The shared CO-version parameters still read country, number and version first, before a command's own. */
class CertificateVersionParametersTest {

    @Test
    void decideReadsTheCoVersionThenTheDecision() {
        var decide = new DecideCommand();
        new CommandLine(decide).parseArgs("KR", "KR 1/2", "3", "GRANTED");
        assertEquals("/certificates/KR/KR%201%2F2/3/treatment", decide.co.path("treatment"));
        assertEquals("KR:KR 1/2 v3", decide.co.toString());
        assertEquals(OriginTreatmentFeedback.Decision.GRANTED, decide.decision);
    }

    @Test
    void cancelWithoutAVersionIsAUsageError() {
        assertThrows(CommandLine.MissingParameterException.class,
                () -> new CommandLine(new CancelCommand()).parseArgs("KR", "KR-1", "--reason", "typo"));
    }
}
