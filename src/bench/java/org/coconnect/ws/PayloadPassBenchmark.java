package org.coconnect.ws;

import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import javax.xml.transform.dom.DOMSource;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.MessageHeader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The receiver's reading of a decrypted send-co payload (JMH, one thread): schema validation and JAXB
 * binding as two walks over the DOM (what the gateway does) against one validating unmarshal (a JAXB
 * unmarshaller with the schema set and an event handler that goes on after each problem, tried in
 * issue 18), and the digest's canonicalisation, a walk of its own.
 */
@State(Scope.Thread)
public class PayloadPassBenchmark {

    @Param({"10", "100"})
    public int goodsItems;

    private Element payload;

    @Setup
    public void setUp() {
        var header = new MessageHeader(UUID.randomUUID(), new AdministrationId("KR", "KCS"),
                new AdministrationId("ID", "DJBC"), Instant.now(), null, MessageHeader.SCHEMA_VERSION);
        Element co = SampleCertificate.create("KR-PASS-1", 1, "KR", "ID", goodsItems, Instant.now().minusSeconds(60));
        // Parsed from text, as the receiver's payload is after decryption.
        payload = OutboundPayloadWriter.parse(OutboundPayloadWriter.text(RequestBuilder.sendCo(header, co)));
        if (!PayloadValidator.validate(payload).isEmpty()) {
            throw new IllegalStateException("the benchmark payload is not schema-valid");
        }
    }

    /** A Validator over the DOM, then an unmarshal of the same DOM without the schema. */
    @Benchmark
    public Object validateThenBind() throws SAXException, IOException, JAXBException {
        Contract.schema().newValidator().validate(new DOMSource(payload));
        return Contract.jaxb().createUnmarshaller().unmarshal(payload);
    }

    /** One pass: an unmarshaller with the schema set, noting every problem and going on. */
    @Benchmark
    public Object validateWhileBinding() throws JAXBException {
        var problems = new ArrayList<String>();
        var unmarshaller = Contract.jaxb().createUnmarshaller();
        unmarshaller.setSchema(Contract.schema());
        unmarshaller.setEventHandler(event -> problems.add(event.getMessage()));
        return unmarshaller.unmarshal(payload);
    }

    @Benchmark
    public byte[] digest() {
        return PayloadDigest.of(payload).sha256();
    }
}
