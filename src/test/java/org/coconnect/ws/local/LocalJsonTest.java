package org.coconnect.ws.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The strictness our own systems' JSON is read with, and how answers are written, through Jackson. */
class LocalJsonTest {

    private static LocalApiException refused(String json) {
        var e = assertThrows(LocalApiException.class, () -> LocalJson.readFlatObject(json.getBytes(StandardCharsets.UTF_8)),
                json);
        assertEquals(400, e.status(), json);
        assertEquals("CC-7002", e.problem().code().code(), json);
        return e;
    }

    @Test
    void aFlatObjectOfStringsIsReadWithItsEscapesDecoded() {
        var object = LocalJson.readFlatObject("{\"reason\": \"line\\nbreak \\\"q\\\" caf\\u00e9 \\ud83d\\ude00\\/\", \"other\": null}"
                .getBytes(StandardCharsets.UTF_8));

        assertEquals("line\nbreak \"q\" café \uD83D\uDE00/", object.get("reason"));
        assertTrue(object.containsKey("other"));
        assertNull(object.get("other"));
    }

    @Test
    void valuesThatAreNotStringsAreRefusedNamingTheMember() {
        assertTrue(refused("{\"version\": 1}").getMessage().contains("\"version\""));
        refused("{\"flag\": true}");
        refused("{\"nested\": {\"a\": \"b\"}}");
        refused("{\"list\": [\"a\"]}");
    }

    @Test
    void theBodyMustBeOneObject() {
        refused("[\"a\"]");
        refused("\"a\"");
        refused("null");
        refused("");
        refused("{} {}");
        refused("{\"a\": \"b\"} x");
    }

    @Test
    void aRepeatedMemberIsRefused() {
        assertTrue(refused("{\"reason\": \"a\", \"reason\": \"b\"}").getMessage().contains("reason"));
    }

    @Test
    void textOutsideTheJsonGrammarIsRefused() {
        refused("{\"a\": \"b\",}");
        refused("{'a': 'b'}");
        refused("{\"a\": \"b\" /* comment */}");
        refused("{a: \"b\"}");
        refused("{\"a\": \"tab\there\"}");
        refused("{\"a\": \"\\x\"}");
    }

    @Test
    void nestingDeeperThan32LevelsIsRefused() {
        refused("{\"a\": " + "[".repeat(40) + "]".repeat(40) + "}");
    }

    @Test
    void theErrorSaysWhereTheTextWentWrong() {
        assertTrue(refused("{\"a\" \"b\"}").getMessage().startsWith("Malformed JSON at line 1, column "));
    }

    @Test
    void mapsListsNumbersLiteralsAndNullAreWrittenInOrder() {
        var object = new LinkedHashMap<String, Object>();
        object.put("b", List.of(1, 2, true));
        object.put("a", null);
        object.put("c", new LinkedHashMap<>());

        assertEquals("{\"b\":[1,2,true],\"a\":null,\"c\":{}}", LocalJson.write(object));
    }

    @Test
    void otherValuesAreWrittenAsTheStringOfTheirTextForm() {
        UUID id = UUID.fromString("3f0c1c9e-5b1a-4c55-9d6e-2a7e8e0b4f11");

        assertEquals("\"2025-03-14T01:30:00Z\"", LocalJson.write(Instant.parse("2025-03-14T01:30:00Z")));
        assertEquals("\"" + id + "\"", LocalJson.write(id));
        assertEquals("\"KR:AK-1 v2\"", LocalJson.write(new org.coconnect.domain.CertificateReference("KR", "AK-1", 2)));
    }

    @Test
    void controlCharactersAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001f\"", LocalJson.write("a\"b\\c\nd\te\u0001f"));
    }
}
