package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/** The sample payloads in samples/: valid ones conform, each error sample fails only for its documented reason. */
class SamplesTest {

    static final Path SAMPLES = Path.of("samples").toAbsolutePath();

    /** The sample file as a DOM element, parsed the way the gateway parses payloads. */
    static Element load(String name) {
        try {
            DocumentBuilderFactory factory = SecureXml.documentBuilderFactory();
            return factory.newDocumentBuilder().parse(SAMPLES.resolve(name).toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("sample " + name + " cannot be read", e);
        }
    }

    static Stream<String> validSamples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".xml")).map(f -> f.getFileName().toString()).sorted()
                    .toList().stream();
        }
    }

    @Test
    void thereIsAValidSampleForEveryOperation() throws IOException {
        // The pushed operations, and the verify-co lookup (Annex III), which is no Operation.
        assertEquals(Stream.concat(Stream.of(Operation.values()).map(Operation::pathName), Stream.of("verify-co"))
                .map(name -> name + ".xml").sorted().toList(), validSamples().toList());
    }

    @ParameterizedTest
    @MethodSource("validSamples")
    void validSampleConformsToTheSchemas(String name) {
        Element payload = load(name);
        assertEquals(List.of(), PayloadValidator.validate(payload));
        assertEquals(name, payload.getLocalName() + ".xml", "the file is named after its operation's element");
    }

    @Test
    void schemaInvalidSampleFailsWithExactlyTheThreeDocumentedErrors() {
        List<Problem> problems = PayloadValidator.validate(load("errors/send-co-schema-invalid.xml"));
        assertTrue(problems.stream().allMatch(p -> p.code() == ErrorCode.SCHEMA_INVALID), problems::toString);
        List<String> elements = problems.stream().map(p -> p.location().replaceAll(".*/", "")).distinct().sorted().toList();
        assertEquals(List.of("co:Code", "co:ImportingCountryCode", "co:IssueDateTime"), elements, problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.location().contains("co:Classification/co:Code")), problems::toString);
    }

    @ParameterizedTest
    @MethodSource("businessErrorSamples")
    void businessErrorSampleIsSchemaValidSoItFailsOnlyForItsRule(String name) {
        assertEquals(List.of(), PayloadValidator.validate(load(name)));
    }

    static Stream<String> businessErrorSamples() {
        return Stream.of("errors/send-co-wrong-receiver.xml", "errors/send-cancellation-status-unknown-co.xml",
                "errors/send-co-message-id-conflict.xml");
    }

    @Test
    void conflictSampleReusesTheMessageIdOfSendCoWithOtherContent() {
        Element original = load("send-co.xml");
        Element conflict = load("errors/send-co-message-id-conflict.xml");
        assertEquals(messageId(original), messageId(conflict));
        // The record holds arrays: compare the digests' contents, not the records.
        assertFalse(Arrays.equals(PayloadDigest.of(original).sha256(), PayloadDigest.of(conflict).sha256()),
                "same content: the gateway would answer DUPLICATE, not CC-4002");
    }

    @Test
    void wrongReceiverSampleNamesAnotherAdministrationThanTheAddressedOne() {
        Element header = (Element) load("errors/send-co-wrong-receiver.xml")
                .getElementsByTagNameNS(Contract.MESSAGES_NAMESPACE, "Receiver").item(0);
        assertEquals("THCUSTOMS", header.getTextContent().replaceAll("\\s", ""));
    }

    private static String messageId(Element payload) {
        return payload.getElementsByTagNameNS(Contract.MESSAGES_NAMESPACE, "MessageId").item(0).getTextContent();
    }
}
