package org.coconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.coconnect.Gateway;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.SampleDeclaration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Annex IV commands against two running gateways' local interfaces: KR's officers keep the
 * register and issue a DO, ID's customs look it up by number over what arrived by HTTPS.
 */
class DeclarationCommandIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @TempDir
    static Path dir;
    static Gateway kr;
    static Gateway id;
    static Path krConf;
    static Path idConf;

    @BeforeAll
    static void start() throws IOException {
        var configs = TestGateways.configs(dir);
        kr = TestGateways.start(configs.get(0));
        id = TestGateways.start(configs.get(1));
        Path token = dir.resolve("local-token");
        org.coconnect.security.PrivateFiles.write(token, TestGateways.LOCAL_TOKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        krConf = conf("kr-conf", "KR", kr, token);
        idConf = conf("id-conf", "ID", id, token);
    }

    private static Path conf(String name, String country, Gateway gateway, Path token) throws IOException {
        Path conf = Files.createDirectories(dir.resolve(name));
        Files.writeString(conf.resolve("gateway.properties"), "gateway.country=" + country + "\n"
                + "local.port=" + gateway.config().localApi().port() + "\n"
                + "local.token.file=" + token.toAbsolutePath().toString().replace("\\", "/") + "\n");
        return conf;
    }

    @AfterAll
    static void stop() {
        if (kr != null) kr.close();
        if (id != null) id.close();
    }

    private static LocalCommandIT.Run kr(String... args) {
        return run(krConf, args);
    }

    private static LocalCommandIT.Run run(Path conf, String... args) {
        var all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--conf";
        all[args.length + 1] = conf.toString();
        return LocalCommandIT.coconnect(all);
    }

    @Test
    void anExporterRegisteredAndAuthorisedByCommandMakesADoThatTheImportingSideShowsAsApproved() throws IOException {
        assertEquals(0, kr("exporter", "register", "KR-CLI-AE-1", "--name", "Hanbit Polymers").exitCode());
        var authorised = kr("exporter", "authorise", "KR-CLI-AE-1", "--code", "CLI-AUTH-1",
                "--from", TODAY.minusDays(10).toString());
        assertEquals(0, authorised.exitCode(), authorised.err());
        assertTrue(authorised.out().contains("AUTHORISED, code CLI-AUTH-1"), authorised.out());
        assertTrue(kr.deliverDue() >= 1, "the list goes to ID");
        Path file = Files.writeString(dir.resolve("do.xml"),
                SampleDeclaration.create("KR-CLI-DO-1", "KR-CLI-AE-1", "CLI-AUTH-1", TODAY));

        var issued = kr("do", "issue", file.toString());
        assertEquals(0, issued.exitCode(), issued.err());
        assertTrue(issued.out().startsWith("Issued DO KR-CLI-DO-1 for ID-DJBC; send-do "), issued.out());
        assertEquals(1, kr.deliverDue());

        var shown = run(idConf, "do", "show", "KR-CLI-DO-1");
        assertEquals(0, shown.exitCode(), shown.err());
        assertTrue(shown.out().startsWith("DO KR-CLI-DO-1 (IMPORT, KR-KCS) of " + TODAY), shown.out());
        assertTrue(shown.out().contains("1. HS 390761"), shown.out());
        assertTrue(shown.out().contains("check: APPROVED"), shown.out());
    }

    @Test
    void aDeniedExporterCannotBeRevokedNorMakeADoAndEachRefusalNamesItsCode() throws IOException {
        assertEquals(0, kr("exporter", "register", "KR-CLI-AE-2", "--name", "Refused Co.").exitCode());
        assertEquals(0, kr("exporter", "deny", "KR-CLI-AE-2", "--reason", "No origin records").exitCode());

        var revoke = kr("exporter", "revoke", "KR-CLI-AE-2", "--on", TODAY.toString(), "--reason", "x");
        assertEquals(1, revoke.exitCode());
        assertTrue(revoke.err().contains("CC-5103"), revoke.err());
        Path file = Files.writeString(dir.resolve("denied.xml"),
                SampleDeclaration.create("KR-CLI-DO-2", "KR-CLI-AE-2", "ANY", TODAY));
        var issue = kr("do", "issue", file.toString());
        assertEquals(1, issue.exitCode());
        assertTrue(issue.err().contains("CC-5101"), issue.err());
        var list = kr("exporter", "list");
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("KR-CLI-AE-2") && l.contains("DENIED")), list.out());
    }

    @Test
    void unknownExportersAndDosAreAnswered404WithTheirCodes() {
        var authorise = kr("exporter", "authorise", "KR-NOBODY", "--code", "X", "--from", TODAY.toString());
        assertEquals(1, authorise.exitCode());
        assertTrue(authorise.err().startsWith("Refused (HTTP 404):") && authorise.err().contains("CC-5104"), authorise.err());
        var show = run(idConf, "do", "show", "NO-SUCH-DO");
        assertEquals(1, show.exitCode());
        assertTrue(show.err().startsWith("Refused (HTTP 404):") && show.err().contains("CC-5107"), show.err());
    }
}
