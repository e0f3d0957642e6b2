package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Pooled validators carry nothing from one payload to the next. */
class PayloadValidatorTest {

    private static final int SMALL = 20_000;

    private static Element valid() {
        var header = new MessageHeader(UUID.randomUUID(), new AdministrationId("KR", "KCS"),
                new AdministrationId("ID", "DJBC"), Instant.now(), null, MessageHeader.SCHEMA_VERSION);
        return RequestBuilder.sendCo(header, SampleCertificate.create("KR-POOL-1", 1, "KR", "ID", 2,
                Instant.now().minusSeconds(60)));
    }

    private static Element withoutExporter() {
        Element payload = valid();
        var exporter = payload.getElementsByTagNameNS(Contract.CO_NAMESPACE, "Exporter").item(0);
        exporter.getParentNode().removeChild(exporter);
        return payload;
    }

    @Test
    void anInvalidPayloadAfterValidOnesGetsItsErrorsAndTheNextValidOneNone() {
        for (int i = 0; i < 20; i++) {
            assertEquals(List.of(), PayloadValidator.validate(valid(), SMALL));
        }
        List<Problem> problems = PayloadValidator.validate(withoutExporter(), SMALL);
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(ErrorCode.SCHEMA_INVALID, problems.get(0).code());
        // Where the missing Exporter was due, the Importer came.
        assertEquals("/m:send-co/co:CertificateOfOrigin/co:Importer", problems.get(0).location());
        assertEquals(List.of(), PayloadValidator.validate(valid(), SMALL));
    }

    @Test
    void concurrentValidationsEachSeeOnlyTheirOwnPayload() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var results = new ArrayList<Future<Boolean>>();
            for (int i = 0; i < 400; i++) {
                boolean broken = i % 3 == 0;
                Callable<Boolean> check = () -> PayloadValidator.validate(broken ? withoutExporter() : valid(), SMALL)
                        .isEmpty() != broken;
                results.add(pool.submit(check));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get(), "a validation reported another payload's verdict");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
