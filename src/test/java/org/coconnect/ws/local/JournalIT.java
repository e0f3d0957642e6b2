package org.coconnect.ws.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coconnect.Gateway;
import org.coconnect.cli.CoConnectCommand;
import org.coconnect.security.PrivateFiles;
import org.coconnect.support.TestGateways;
import org.coconnect.support.TwoGateways;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** The journal over real HTTP: every message both ways with its answer, attempts and CO, filtered and paged. */
class JournalIT {

    @RegisterExtension
    static final TwoGateways gateways = new TwoGateways();
    static Gateway kr;
    static Gateway id;
    static LocalHttp krHttp;
    static LocalHttp idHttp;
    static Instant start;

    @BeforeAll
    static void exchange() {
        kr = gateways.kr();
        id = gateways.id();
        krHttp = new LocalHttp(kr);
        idHttp = new LocalHttp(id);
        start = Instant.now().minusSeconds(1);
        assertEquals(201, krHttp.postXml("/certificates", LocalInterfaceIT.certificateXml("KR-JOURNAL-1")).status());
        kr.deliverDue();
        assertEquals(201, krHttp.postXml("/certificates", LocalInterfaceIT.certificateXml("KR-JOURNAL-2")).status());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> entries(LocalHttp http, String query) {
        var reply = http.get("/journal" + query);
        assertEquals(200, reply.status(), reply.body());
        return (List<Map<String, Object>>) reply.json().get("entries");
    }

    @Test
    void aSentCoIsJournalledWithThePartnersAnswerDigestAttemptsAndItsCo() {
        var sent = entries(krHttp, "?number=KR-JOURNAL-1&direction=OUTBOUND");

        assertEquals(1, sent.size(), sent.toString());
        var e = sent.get(0);
        assertEquals("send-co", e.get("operation"));
        assertEquals("ID-DJBC", e.get("partner"));
        assertEquals("KR/KR-JOURNAL-1/1", e.get("certificate"));
        assertEquals(1, ((Number) e.get("attempts")).intValue());
        assertNotNull(e.get("answeredAt"));
        assertEquals(64, e.get("digest").toString().length());
        assertTrue(List.of("ACCEPTED", "RECEIVED").contains(e.get("status")), e.toString());
    }

    @Test
    void theReceivingSideJournalsTheSameMessageInbound() {
        var sent = entries(krHttp, "?number=KR-JOURNAL-1&direction=OUTBOUND").get(0);
        var received = entries(idHttp, "?number=KR-JOURNAL-1&direction=INBOUND");

        assertEquals(1, received.size(), received.toString());
        assertEquals(sent.get("messageId"), received.get(0).get("messageId"));
        assertEquals("KR-KCS", received.get(0).get("partner"));
        assertEquals(sent.get("digest"), received.get(0).get("digest"));
    }

    @Test
    void aMessageNotDeliveredYetIsJournalledPending() {
        var pending = entries(krHttp, "?number=KR-JOURNAL-2&status=pending");

        assertEquals(1, pending.size(), pending.toString());
        assertEquals(0, ((Number) pending.get(0).get("attempts")).intValue());
        assertNull(pending.get(0).get("answeredAt"));
    }

    @Test
    void filtersByOperationPartnerAndTimeNarrowTheList() {
        assertEquals(2, entries(krHttp, "?operation=send-co&partner=ID-DJBC&from=" + start).size());
        assertEquals(0, entries(krHttp, "?operation=send-feedback").size());
        assertEquals(0, entries(krHttp, "?partner=XX-NONE").size());
        assertEquals(0, entries(krHttp, "?to=" + start).size());
    }

    @Test
    void pagesFollowTheNextOffsetNewestFirst() {
        var first = krHttp.get("/journal?operation=send-co&limit=1");
        var second = krHttp.get("/journal?operation=send-co&limit=1&offset=" + first.json().get("nextOffset"));

        assertEquals(1, ((Number) first.json().get("nextOffset")).intValue());
        assertEquals("KR/KR-JOURNAL-2/1", ((Map<?, ?>) ((List<?>) first.json().get("entries")).get(0)).get("certificate"));
        assertEquals("KR/KR-JOURNAL-1/1", ((Map<?, ?>) ((List<?>) second.json().get("entries")).get(0)).get("certificate"));
        assertNull(second.json().get("nextOffset"));
    }

    @Test
    void aBadFilterIsRefusedWithEveryProblem() {
        var reply = krHttp.get("/journal?operation=send-everything&from=yesterday");
        ProblemDocumentIT.assertProblem(reply, 422, "CC-7003");
    }

    @Test
    void theJournalCommandTakesTheSameFilters() throws Exception {
        Path dir = gateways.dir();
        Path token = dir.resolve("journal-token");
        PrivateFiles.write(token, TestGateways.LOCAL_TOKEN.getBytes(StandardCharsets.UTF_8));
        Path conf = Files.createDirectories(dir.resolve("journal-conf"));
        Files.writeString(conf.resolve("gateway.properties"), "gateway.country=KR\nlocal.port="
                + kr.config().localApi().port() + "\nlocal.token.file=" + token.toAbsolutePath().toString().replace("\\", "/") + "\n");
        var out = new StringWriter();
        var err = new StringWriter();

        int exit = new CommandLine(new CoConnectCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("journal", "--conf", conf.toString(), "--number", "KR-JOURNAL-1", "--direction", "OUTBOUND");

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("KR/KR-JOURNAL-1/1") && out.toString().contains("send-co"), out.toString());
        assertTrue(out.toString().contains("1 message(s)."), out.toString());
    }
}
