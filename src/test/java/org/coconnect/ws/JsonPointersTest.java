package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.coconnect.domain.Operation;
import org.junit.jupiter.api.Test;

/** The shared rules' XPath locations as the JSON Pointers a JSON partner reads, arrays known from the schema. */
class JsonPointersTest {

    @Test
    void aHeaderElementBecomesItsPointer() {
        assertEquals("/MessageHeader/MessageId", JsonPointers.pointer(Operation.SEND_CO, "/m:send-co/m:MessageHeader/m:MessageId"));
    }

    @Test
    void repeatedElementsBecomeZeroBasedArrayIndexesEvenWithoutAnXPathPosition() {
        assertEquals("/CertificateOfOrigin/Consignment/GoodsItem/1/Commodity/Classification/0/Code",
                JsonPointers.pointer(Operation.SEND_CO, "/m:send-co/co:CertificateOfOrigin/co:Consignment/co:GoodsItem[2]"
                        + "/co:Commodity/co:Classification/co:Code"));
    }

    @Test
    void theEnvelopeAboveThePayloadIsDropped() {
        assertEquals("/CertificateOfOrigin/ImportingCountryCode", JsonPointers.pointer(Operation.SEND_CO,
                "/Envelope/Body/m:send-co/co:CertificateOfOrigin/co:ImportingCountryCode"));
    }

    @Test
    void whatIsNoXPathOfThePayloadIsLeftAsItIs() {
        assertEquals("/CertificateOfOrigin/Version", JsonPointers.pointer(Operation.SEND_CO, "/CertificateOfOrigin/Version"));
        assertEquals("/m:send-co/co:Nothing", JsonPointers.pointer(Operation.SEND_CO, "/m:send-co/co:Nothing"));
        assertEquals("", JsonPointers.pointer(Operation.SEND_CO, ""));
        assertNull(JsonPointers.pointer(Operation.SEND_CO, null));
    }
}
