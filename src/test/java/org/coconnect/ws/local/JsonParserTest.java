package org.coconnect.ws.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonParserTest {

    private static void refused(String json) {
        assertThrows(JsonParser.MalformedJsonException.class, () -> JsonParser.parse(json), json);
    }

    @Test
    void aFlatObjectOfStringsIsReadWithItsEscapesDecoded() {
        var object = JsonParser.parseFlatObject(" {\"reason\": \"line\\nbreak \\\"q\\\" caf\\u00e9 \\ud83d\\ude00\\/\","
                + " \"other\": null} ");
        assertEquals("line\nbreak \"q\" café \uD83D\uDE00/", object.get("reason"));
        assertTrue(object.containsKey("other"));
        assertNull(object.get("other"));
    }

    @Test
    void nestedObjectsArraysNumbersAndLiteralsAreRead() {
        Object value = JsonParser.parse("{\"a\":[1,-2.5e3,0.25,true,false,null,{}],\"b\":{\"c\":[]}}");
        var object = (Map<?, ?>) value;
        assertEquals(List.of(new BigDecimal("1"), new BigDecimal("-2.5e3"), new BigDecimal("0.25"), true, false),
                ((List<?>) object.get("a")).subList(0, 5));
        assertEquals(Map.of("c", List.of()), object.get("b"));
    }

    @Test
    void aFlatObjectRefusesValuesThatAreNotStrings() {
        var e = assertThrows(JsonParser.MalformedJsonException.class,
                () -> JsonParser.parseFlatObject("{\"version\": 2}"));
        assertTrue(e.getMessage().contains("\"version\""), e.getMessage());
    }

    @Test
    void aFlatObjectMustBeAnObject() {
        assertThrows(JsonParser.MalformedJsonException.class, () -> JsonParser.parseFlatObject("[\"a\"]"));
    }

    @Test
    void trailingCommasAreRefused() {
        refused("{\"a\":\"b\",}");
        refused("[1,]");
    }

    @Test
    void aRepeatedMemberNameIsRefused() {
        var e = assertThrows(JsonParser.MalformedJsonException.class,
                () -> JsonParser.parse("{\"reason\":\"a\",\"reason\":\"b\"}"));
        assertTrue(e.getMessage().contains("duplicate member \"reason\""), e.getMessage());
    }

    @Test
    void textAfterTheValueIsRefused() {
        refused("{} {}");
        refused("\"a\" x");
    }

    @Test
    void controlCharactersInStringsMustBeEscaped() {
        refused("\"a\tb\"");
        refused("\"a\nb\"");
    }

    @Test
    void invalidEscapesAreRefused() {
        refused("\"\\x41\"");
        refused("\"\\u12G4\"");
        refused("\"\\u12\"");
        refused("\"\\u\u0663\u0663\u0663\u0663\"");
    }

    @Test
    void numbersFollowTheJsonGrammarStrictly() {
        refused("01");
        refused("-");
        refused("1.");
        refused("+1");
        refused(".5");
        refused("1e");
        refused("\u0663");
    }

    @Test
    void literalsCommentsAndSingleQuotesOutsideTheGrammarAreRefused() {
        refused("TRUE");
        refused("nul");
        refused("{'a':'b'}");
        refused("{\"a\":\"b\"} // note");
        refused("");
        refused("\"unterminated");
    }

    @Test
    void nestingDeeperThan32LevelsIsRefused() {
        JsonParser.parse("[".repeat(32) + "]".repeat(32));
        refused("[".repeat(33) + "]".repeat(33));
    }

    @Test
    void theErrorSaysWhereTheTextWentWrong() {
        var e = assertThrows(JsonParser.MalformedJsonException.class, () -> JsonParser.parse("{\"a\" \"b\"}"));
        assertEquals("Malformed JSON at character 6: expected ':'.", e.getMessage());
    }
}
