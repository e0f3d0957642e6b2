package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.support.SendingPartner;
import org.junit.jupiter.api.Test;

/**
 * A JSON number no schema value comes near (1E+999999 is nine characters) is refused at its pointer before
 * the JSON Schema validator does arithmetic on it: its multipleOf check on such a number took minutes of CPU
 * for one message (found by FuzzedJsonRequestsIT), and called 1E+400 a valid weight.
 */
class JsonNumberBoundsTest {

    private static final String WEIGHT = "/CertificateOfOrigin/Consignment/GoodsItem/0/GoodsMeasure/GrossWeight/value";
    private static final String AMOUNT_CURRENCY = "/CertificateOfOrigin/Consignment/GoodsItem/0/Commodity/Value/currencyId";

    @Test
    void aNumberWithAHugeExponentIsRefusedAtItsPointer() {
        List<Problem> problems = validateWith(WEIGHT, new BigDecimal("1E+400"));
        assertEquals(List.of(WEIGHT), problems.stream().map(Problem::location).toList(), problems::toString);
        assertEquals(ErrorCode.JSON_SCHEMA_INVALID, problems.get(0).code());
        assertTrue(problems.get(0).text().contains("digits"), problems.get(0).text());
    }

    @Test
    void aNumberWithTooManyDecimalsIsRefusedAtItsPointer() {
        List<Problem> problems = validateWith(WEIGHT, new BigDecimal("1E-400"));
        assertEquals(List.of(WEIGHT), problems.stream().map(Problem::location).toList(), problems::toString);
    }

    @Test
    void theOtherProblemsOfTheMessageAreStillReported() {
        var json = sendCo();
        ((ObjectNode) json.at(WEIGHT.substring(0, WEIGHT.lastIndexOf('/')))).set("value",
                JsonNodeFactory.instance.numberNode(new BigDecimal("1E+999999")));
        ((ObjectNode) json.at(AMOUNT_CURRENCY.substring(0, AMOUNT_CURRENCY.lastIndexOf('/')))).put("currencyId", "XXXX");
        List<String> pointers = JsonPayloadValidator.validate(Operation.SEND_CO, json).stream().map(Problem::location).toList();
        assertEquals(List.of(WEIGHT, AMOUNT_CURRENCY), pointers);
    }

    @Test
    void ordinaryNumbersPass() {
        assertEquals(List.of(), validateWith(WEIGHT, new BigDecimal("123456789012.123456")));
    }

    private static List<Problem> validateWith(String pointer, BigDecimal value) {
        var json = sendCo();
        ((ObjectNode) json.at(pointer.substring(0, pointer.lastIndexOf('/')))).set("value",
                JsonNodeFactory.instance.numberNode(value));
        return JsonPayloadValidator.validate(Operation.SEND_CO, json);
    }

    private static ObjectNode sendCo() {
        return (ObjectNode) JsonCodec.requestToJson(Operation.SEND_CO, SendingPartner.sendCoPayload());
    }
}
