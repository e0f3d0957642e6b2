package org.coconnect.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.coconnect.support.TestDatabase;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The durability storm ({@code coconnect-bench soak}) on a small scale, on H2 and on PostgreSQL: a gateway process
 * killed with kill -9 again and again amid concurrent sends and repeats loses no acknowledged message,
 * stores none twice and accepts none twice, and answers every message.
 * Larger: -Dsoak.messages=10000 -Dsoak.kills=30 (-Dsoak.only=H2).
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class DurabilityStormIT {

    private static final int MESSAGES = Integer.getInteger("soak.messages", 120);
    private static final int KILLS = Integer.getInteger("soak.kills", 3);
    /** Set to H2 or POSTGRESQL to run one database only (for the full-size figure). */
    private static final String ONLY = System.getProperty("soak.only");

    @Parameter
    TestDatabase database;
    @TempDir
    Path dir;

    @Test
    void killMinus9AmidConcurrentSendsAndRepeatsLosesNothingAcknowledgedAndDoublesNothing() throws Exception {
        assumeTrue(ONLY == null || ONLY.equals(database.name()), "soak.only=" + ONLY);
        BenchGateways.Databases databases = (name, dataDir) -> database.newDatabase(dataDir);
        var settings = new SoakRun.Settings(MESSAGES, 4, 0.3, KILLS, database.name(), databases, dir,
                TestGateways.freePort(), System.nanoTime());

        SoakResult result = SoakRun.run(settings, System.out);
        System.out.println(result.summary());
        System.out.print(result.report());

        assertEquals(KILLS, result.killsDone(), "every kill fell amid the load");
        assertEquals(KILLS + 1, result.answersPerLife().size());
        assertTrue(result.answersPerLife().subList(0, KILLS).stream().allMatch(answers -> answers > 0),
                () -> "a life of the gateway answered nothing: " + result.answersPerLife());
        assertEquals(0, result.unanswered(), () -> "every message answered in the end: " + result.diagnosis());
        assertEquals(0, result.acknowledgedButMissing(), () -> "acknowledged, then lost: " + result.missingExamples());
        assertEquals(0, result.storedTwice(), "a message or CO stored twice");
        assertEquals(0, result.acceptedTwice(), "a repeat answered ACCEPTED again instead of the original receipt");
        assertTrue(result.statuses().getOrDefault("DUPLICATE", 0L) > 0, () -> "no repeat was answered: " + result.statuses());
    }

    @Test
    void theSameStormOverTheJsonApiLosesAndDoublesNothingEither() throws Exception {
        // Once, on H2: the JSON binding shares the storage path the database runs have covered.
        assumeTrue(database == TestDatabase.H2 && (ONLY == null || ONLY.equals("H2")), "the JSON storm runs on H2");
        BenchGateways.Databases databases = (name, dataDir) -> database.newDatabase(dataDir);
        var settings = new SoakRun.Settings(MESSAGES, 4, 0.3, KILLS, database.name() + " over JSON", databases, dir,
                TestGateways.freePort(), System.nanoTime());

        SoakResult result = SoakRun.run(settings, System.out, org.coconnect.config.PartnerProtocol.json(true));
        System.out.println(result.summary());
        System.out.print(result.report());

        assertEquals(KILLS, result.killsDone(), "every kill fell amid the load");
        assertEquals(0, result.unanswered(), () -> "every message answered in the end: " + result.diagnosis());
        assertEquals(0, result.acknowledgedButMissing(), () -> "acknowledged, then lost: " + result.missingExamples());
        assertEquals(0, result.storedTwice(), "a message or CO stored twice");
        assertEquals(0, result.acceptedTwice(), "a repeat answered ACCEPTED again instead of the original receipt");
        assertTrue(result.statuses().getOrDefault("DUPLICATE", 0L) > 0, () -> "no repeat was answered: " + result.statuses());
    }
}
