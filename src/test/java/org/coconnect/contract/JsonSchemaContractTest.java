package org.coconnect.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.transform.dom.DOMSource;
import org.apache.xmlbeans.XmlBeans;
import org.apache.xmlbeans.XmlOptions;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.ws.AcknowledgementMapper;
import org.coconnect.ws.Contract;
import org.coconnect.ws.JsonCodec;
import org.coconnect.ws.JsonPayloadValidator;
import org.coconnect.ws.SecureXml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xmlunit.builder.DiffBuilder;

/**
 * The JSON Schema and the XSD describe the same data: the committed JSON Schemas are what the generator
 * makes of the XSD now, and every sample converts XML to JSON and back without loss and is valid on both
 * sides. Run with -Dcoconnect.regenerate-json-schema=true to rewrite json-schema/ after an XSD change.
 */
class JsonSchemaContractTest {

    private static final Path DIR = Path.of("json-schema");
    private static Map<String, JsonNode> generated;

    @BeforeAll
    static void generate() throws Exception {
        var options = new XmlOptions();
        var types = XmlBeans.compileXsd(XmlBeansSchemaCompileTest.schemasOfWsdl(), XmlBeans.getBuiltinTypeSystem(), options);
        generated = JsonSchemaGenerator.generate(types);
        if (Boolean.getBoolean("coconnect.regenerate-json-schema")) {
            Files.createDirectories(DIR);
            for (var file : generated.entrySet()) {
                Files.writeString(DIR.resolve(file.getKey()), JsonSchemaGenerator.write(file.getValue()));
            }
        }
    }

    @Test
    void committedSchemasAreWhatTheXsdGeneratesToday() throws Exception {
        for (var file : generated.entrySet()) {
            Path committed = DIR.resolve(file.getKey());
            assertTrue(Files.exists(committed), committed + " is missing: regenerate json-schema/");
            assertEquals(JsonSchemaGenerator.write(file.getValue()), Files.readString(committed),
                    committed + " differs from the XSD: regenerate json-schema/ (see the class comment)");
        }
    }

    @Test
    void everySampleConvertsBothWaysWithoutLossAndIsValidOnBothSides() throws Exception {
        for (Operation operation : Operation.values()) {
            Element xml = sample(operation);
            JsonNode json = JsonCodec.requestToJson(operation, xml);
            assertEquals(List.of(), JsonPayloadValidator.validate(operation, json), operation.pathName() + " JSON");
            Element back = JsonCodec.requestToXml(operation, json);
            Contract.schema().newValidator().validate(new DOMSource(back));
            var diff = DiffBuilder.compare(xml).withTest(back).ignoreComments().ignoreWhitespace().checkForSimilar().build();
            assertFalse(diff.hasDifferences(), operation.pathName() + ": " + diff);
            assertEquals(json, JsonCodec.requestToJson(operation, back), operation.pathName() + " JSON again");
        }
    }

    @Test
    void theVerifyCoSampleConvertsBothWaysAndIsValidOnBothSides() throws Exception {
        Element xml = SecureXml.documentBuilderFactory().newDocumentBuilder()
                .parse(Path.of("samples", "verify-co.xml").toFile()).getDocumentElement();
        var request = Contract.jaxb().createUnmarshaller().unmarshal(xml,
                org.coconnect.ws.generated.messages.VerifyCoRequestType.class).getValue();
        JsonNode json = JsonCodec.mapper().valueToTree(request);
        assertEquals(List.of(), JsonPayloadValidator.validateLookup(json));
        Path file = Path.of("samples", "json", "verify-co.json");
        if (Boolean.getBoolean("coconnect.regenerate-json-schema")) {
            Files.writeString(file, JsonSchemaGenerator.write(json));
        }
        assertEquals(JsonSchemaGenerator.write(json), Files.readString(file), file + " differs from its XML sample");
        var back = org.coconnect.ws.RequestBuilder.element(org.coconnect.ws.VerifyEndpoint.REQUEST, JsonCodec.mapper()
                .treeToValue(json, org.coconnect.ws.generated.messages.VerifyCoRequestType.class));
        Contract.schema().newValidator().validate(new DOMSource(back));
        var diff = DiffBuilder.compare(xml).withTest(back).ignoreComments().ignoreWhitespace().checkForSimilar().build();
        assertFalse(diff.hasDifferences(), diff.toString());
    }

    @Test
    void theConformanceKitsJsonSamplesAreTheXmlSamplesInJsonAndValid() throws Exception {
        Path samples = Path.of("samples", "json");
        for (Operation operation : Operation.values()) {
            JsonNode json = JsonCodec.requestToJson(operation, sample(operation));
            Path file = samples.resolve(operation.pathName() + ".json");
            if (Boolean.getBoolean("coconnect.regenerate-json-schema")) {
                Files.createDirectories(samples);
                Files.writeString(file, JsonSchemaGenerator.write(json));
            }
            assertEquals(JsonSchemaGenerator.write(json), Files.readString(file), file + " differs from its XML sample");
            assertEquals(List.of(), JsonPayloadValidator.validate(operation, JsonCodec.mapper().readTree(file.toFile())));
        }
    }

    @Test
    void theSchemaInvalidJsonSampleHasItsThreeProblemsAtTheirPointers() throws Exception {
        JsonNode json = JsonCodec.mapper().readTree(Path.of("samples", "json", "errors", "send-co-schema-invalid.json").toFile());
        var pointers = JsonPayloadValidator.validate(Operation.SEND_CO, json).stream().map(Problem::location).distinct()
                .sorted().toList();
        assertEquals(List.of("/CertificateOfOrigin/Consignment/GoodsItem/0/Commodity/Classification/0/Code",
                "/CertificateOfOrigin/ImportingCountryCode", "/CertificateOfOrigin/IssueDateTime"), pointers);
    }

    @Test
    void theAcknowledgementIsValidAgainstItsSchema() {
        var id = new AdministrationId("KR", "KCS");
        var header = new MessageHeader(UUID.randomUUID(), id, new AdministrationId("ID", "DJBC"), Instant.now(),
                UUID.randomUUID(), MessageHeader.SCHEMA_VERSION);
        var ack = Acknowledgement.rejected(UUID.randomUUID(), Instant.now(), new byte[32],
                List.of(Problem.error(ErrorCode.JSON_SCHEMA_INVALID, "bad", "/MessageHeader/MessageId")));
        JsonNode json = JsonCodec.acknowledgementToJson(AcknowledgementMapper.toMessage(header, ack));
        assertEquals(List.of(), JsonPayloadValidator.validateAcknowledgement(json));
    }

    @Test
    void aMessageWithSeveralProblemsGetsEachWithItsJsonPointer() throws Exception {
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) JsonCodec.requestToJson(Operation.SEND_CO,
                sample(Operation.SEND_CO));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("MessageHeader")).put("MessageId", "not-a-uuid");
        var co = (com.fasterxml.jackson.databind.node.ObjectNode) json.get("CertificateOfOrigin");
        co.remove("CertificateNumber");
        co.put("Unexpected", 1);
        var locations = new ArrayList<String>();
        for (Problem p : JsonPayloadValidator.validate(Operation.SEND_CO, json)) {
            assertEquals(ErrorCode.JSON_SCHEMA_INVALID, p.code());
            locations.add(p.location());
        }
        assertTrue(locations.containsAll(List.of("/MessageHeader/MessageId", "/CertificateOfOrigin/CertificateNumber",
                "/CertificateOfOrigin/Unexpected")), locations.toString());
    }

    static Element sample(Operation operation) throws Exception {
        return SecureXml.documentBuilderFactory().newDocumentBuilder()
                .parse(Path.of("samples", operation.pathName() + ".xml").toFile()).getDocumentElement();
    }
}
