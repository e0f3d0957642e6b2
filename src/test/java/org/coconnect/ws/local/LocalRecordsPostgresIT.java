package org.coconnect.ws.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coconnect.Gateway;
import org.coconnect.support.TestDatabase;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's, the whole CO's and the events' queries (native SQL, casts, a union) on PostgreSQL too, where
 * production runs: one CO exchanged, then read through the local interface on both sides.
 */
class LocalRecordsPostgresIT {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void journalWholeCoAndEventsWorkOnPostgresql() {
        var configs = TestGateways.configs(dir, TestDatabase.POSTGRESQL);
        try (Gateway kr = TestGateways.start(configs.get(0)); Gateway id = TestGateways.start(configs.get(1))) {
            var krHttp = new LocalHttp(kr);
            var idHttp = new LocalHttp(id);
            assertEquals(201, krHttp.postXml("/certificates", LocalInterfaceIT.certificateXml("KR-PG-1")).status());
            kr.deliverDue();

            var journal = idHttp.get("/journal?number=KR-PG-1&direction=INBOUND&operation=send-co&status=accepted"
                    + "&from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z&limit=10&offset=0");
            assertEquals(200, journal.status(), journal.body());
            assertEquals(1, ((List<?>) journal.json().get("entries")).size(), journal.body());
            assertEquals(1, ((List<?>) krHttp.get("/journal?direction=OUTBOUND").json().get("entries")).size());

            var whole = idHttp.get("/certificates/KR/KR-PG-1");
            assertEquals(200, whole.status(), whole.body());
            var version = (Map<String, Object>) ((List<?>) whole.json().get("versions")).get(0);
            assertTrue(((String) version.get("xml")).contains("KR-PG-1"));

            var events = idHttp.get("/events");
            assertEquals(200, events.status(), events.body());
            assertTrue(events.body().contains("\"kind\":\"co-received\"") && events.body().contains("KR/KR-PG-1/1"),
                    events.body());
        }
    }
}
