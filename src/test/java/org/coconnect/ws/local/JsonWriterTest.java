package org.coconnect.ws.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001f\\u2028\"", JsonWriter.write("a\"b\\c\nd\te\u0001f\u2028"));
    }

    @Test
    void aLoneSurrogateIsEscapedAndAPairIsKept() {
        assertEquals("\"\\ud83d x \uD83D\uDE00\"", JsonWriter.write("\uD83D x \uD83D\uDE00"));
    }

    @Test
    void mapsListsNumbersLiteralsAndNullAreWrittenInOrder() {
        var object = new LinkedHashMap<String, Object>();
        object.put("b", List.of(1, 2L, true));
        object.put("a", null);
        object.put("c", Map.of());
        assertEquals("{\"b\":[1,2,true],\"a\":null,\"c\":{}}", JsonWriter.write(object));
    }

    @Test
    void otherValuesAreWrittenAsTheStringOfTheirTextForm() {
        assertEquals("\"2025-03-14T01:30:00Z\"", JsonWriter.write(Instant.parse("2025-03-14T01:30:00Z")));
    }

    @Test
    void numbersJsonCannotHoldAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(Double.NaN));
    }

    @Test
    void whatIsWrittenIsReadBackUnchanged() {
        var object = new LinkedHashMap<String, String>();
        object.put("reason", "Ümlaut \"quoted\" \\ back\nslash \u0000 \uD83D\uDE00");
        object.put("empty", "");
        assertEquals(object, JsonParser.parseFlatObject(JsonWriter.write(object)));
        assertEquals(Arrays.asList("x", null), JsonParser.parse(JsonWriter.write(Arrays.asList("x", null))));
    }
}
