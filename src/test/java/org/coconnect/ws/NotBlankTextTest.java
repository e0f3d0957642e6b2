package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The schema's "not blank" rule for names (NameType, up to 256 characters) and free texts (TextType, up to 2048),
 * written with bounded repeats so that Xerces matches it in linear time: the values it accepts and refuses.
 */
class NotBlankTextTest {

    @Test
    void aBlankTextIsRefused() {
        assertRefused(validateWithRemarks(" \n\t\r "), "Remarks");
    }

    @Test
    void aTextOfTheMaximumLengthWithBlanksAroundOneCharacterIsAccepted() {
        assertEquals(List.of(), validateWithRemarks(" ".repeat(1500) + "x" + "\n".repeat(547)));
    }

    @Test
    void aTextOfTheMaximumLengthEndingInItsOnlyCharacterIsAccepted() {
        assertEquals(List.of(), validateWithRemarks(" ".repeat(2047) + "\u00e9"));
    }

    @Test
    void aTextOverTheMaximumLengthIsRefused() {
        assertRefused(validateWithRemarks("x".repeat(2049)), "Remarks");
    }

    @Test
    void aBlankNameIsRefused() {
        assertRefused(validateWithName("   "), "Name");
    }

    @Test
    void aNameOfTheMaximumLengthIsAccepted() {
        assertEquals(List.of(), validateWithName(" ".repeat(255) + "N"));
    }

    private static List<Problem> validateWithRemarks(String text) {
        Element co = sampleCo();
        co.getElementsByTagNameNS(Contract.CO_NAMESPACE, "Remarks").item(0).setTextContent(text);
        return validate(co);
    }

    private static List<Problem> validateWithName(String text) {
        Element co = sampleCo();
        co.getElementsByTagNameNS(Contract.CO_NAMESPACE, "Name").item(0).setTextContent(text);
        return validate(co);
    }

    private static Element sampleCo() {
        return SampleCertificate.create("KR-BLANK-1", 1, "KR", "ID", 1, Instant.now().minusSeconds(60));
    }

    private static List<Problem> validate(Element co) {
        var header = new MessageHeader(UUID.randomUUID(), new AdministrationId("KR", "KCS"),
                new AdministrationId("ID", "DJBC"), Instant.now(), null, MessageHeader.SCHEMA_VERSION);
        return PayloadValidator.validate(OutboundPayloadWriter.parse(OutboundPayloadWriter.text(RequestBuilder.sendCo(header, co))));
    }

    private static void assertRefused(List<Problem> problems, String element) {
        assertTrue(!problems.isEmpty() && problems.stream().allMatch(p -> p.code() == ErrorCode.SCHEMA_INVALID)
                && problems.stream().anyMatch(p -> p.location() != null && p.location().contains(element)),
                "expected a schema problem at " + element + ", got " + problems);
    }
}
