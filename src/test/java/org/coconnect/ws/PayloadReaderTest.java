package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * A schema-valid payload the binding cannot read is a problem of the payload, not a null that crashes the
 * receive later: "KR " is a valid country code by the schema's whitespace rule, but JAXB reads it as no code
 * (found by FuzzedRequestsIT, where it was answered CC-9001).
 */
class PayloadReaderTest {

    @Test
    void aHeaderCodeWithSpacesAroundItIsAProblemOfTheHeader() {
        Element payload = SamplesTest.load("send-verification-inquiry.xml");
        setFirst(payload, Contract.MESSAGES_NAMESPACE, "CountryCode", "KR ");
        assertEquals(List.of(), PayloadValidator.validate(payload), "the schema accepts it");
        var parsed = PayloadReader.read(PayloadBindings.of(Operation.SEND_VERIFICATION_INQUIRY), payload, true);
        assertNull(parsed.header());
        assertEquals(List.of("/m:send-verification-inquiry/m:MessageHeader"), locations(parsed.problems()));
        assertEquals(ErrorCode.SCHEMA_INVALID, parsed.problems().get(0).code());
    }

    @Test
    void aCoCodeWithSpacesAroundItIsAProblemOfThePayload() {
        Element payload = SamplesTest.load("send-co.xml");
        setFirst(payload, Contract.CO_NAMESPACE, "ImportingCountryCode", " ID ");
        assertEquals(List.of(), PayloadValidator.validate(payload), "the schema accepts it");
        var parsed = PayloadReader.read(PayloadBindings.of(Operation.SEND_CO), payload, true);
        assertNotNull(parsed.header());
        assertNull(parsed.content());
        assertEquals(List.of("/m:send-co"), locations(parsed.problems()));
    }

    @Test
    void theSampleIsReadWithoutProblems() {
        var parsed = PayloadReader.read(PayloadBindings.of(Operation.SEND_CO), SamplesTest.load("send-co.xml"), true);
        assertNotNull(parsed.content());
        assertEquals(List.of(), parsed.problems());
    }

    private static void setFirst(Element payload, String namespace, String name, String value) {
        payload.getElementsByTagNameNS(namespace, name).item(0).setTextContent(value);
    }

    private static List<String> locations(List<Problem> problems) {
        return problems.stream().map(Problem::location).toList();
    }
}
