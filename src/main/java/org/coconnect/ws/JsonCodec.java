package org.coconnect.ws;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.module.jakarta.xmlbind.JakartaXmlBindAnnotationModule;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.coconnect.domain.Operation;
import org.coconnect.ws.generated.messages.AcknowledgementMessageType;
import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The JSON binding's one mapping: a payload's generated JAXB type as JSON, with the XSD's element and
 * attribute names (a simple content's text is {@code "value"}), repeated elements as arrays, dates and
 * date-times in their XSD lexical form. XML and JSON convert through the same generated type, so neither
 * side can carry an element the other cannot (see docs/json-api.md).
 */
public final class JsonCodec {

    private static final DocumentBuilderFactory DOCUMENTS = SecureXml.documentBuilderFactory();
    private static final DatatypeFactory DATATYPES = DatatypeFactory.newDefaultInstance();
    private static final ObjectMapper MAPPER = createMapper();

    private JsonCodec() {
    }

    /** The mapper for payloads (strict: an unknown member fails, as the schema's additionalProperties does). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The operation's request element (as the SOAP body carries it) as JSON. */
    public static JsonNode requestToJson(Operation operation, Element request) {
        try {
            Object value = Contract.jaxb().createUnmarshaller()
                    .unmarshal(request, PayloadBindings.of(operation).requestType()).getValue();
            return MAPPER.valueToTree(value);
        } catch (JAXBException e) {
            throw new IllegalArgumentException(operation.pathName() + " request cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The operation's request element from JSON that passed the JSON Schema.
     *
     * @throws IllegalArgumentException when the JSON does not have the request's shape
     */
    public static Element requestToXml(Operation operation, JsonNode json) {
        Object value;
        try {
            value = MAPPER.treeToValue(json, PayloadBindings.of(operation).requestType());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(operation.pathName() + " JSON cannot be read: " + e.getOriginalMessage(), e);
        }
        return toElement(Contract.requestElement(operation), value);
    }

    /** An acknowledgement message as JSON. */
    public static JsonNode acknowledgementToJson(AcknowledgementMessageType message) {
        return MAPPER.valueToTree(message);
    }

    /** An acknowledgement message read from JSON. */
    public static AcknowledgementMessageType acknowledgementFromJson(byte[] json) throws IOException {
        return MAPPER.readValue(json, AcknowledgementMessageType.class);
    }

    /**
     * The same prefixes in every JVM: left to itself, JAXB numbers them (ns2, ns3) in an order that differs
     * between processes, and the payload digest (exclusive c14n keeps prefixes) would then differ between the
     * partner who rebuilt the XML from our JSON and us, who predict it.
     */
    private static final NamespacePrefixMapper FIXED_PREFIXES = new NamespacePrefixMapper() {
        @Override
        public String getPreferredPrefix(String namespaceUri, String suggestion, boolean requirePrefix) {
            return switch (namespaceUri) {
                case Contract.MESSAGES_NAMESPACE -> requirePrefix ? "m" : "";
                case Contract.CO_NAMESPACE -> "co";
                case Contract.DO_NAMESPACE -> "do";
                default -> suggestion;
            };
        }
    };

    static Element toElement(QName name, Object value) {
        try {
            Document doc = DOCUMENTS.newDocumentBuilder().newDocument();
            @SuppressWarnings({"unchecked", "rawtypes"})
            var element = new JAXBElement(name, value.getClass(), value);
            var marshaller = Contract.jaxb().createMarshaller();
            marshaller.setProperty("org.glassfish.jaxb.namespacePrefixMapper", FIXED_PREFIXES);
            marshaller.marshal(element, doc);
            return doc.getDocumentElement();
        } catch (JAXBException | ParserConfigurationException e) {
            throw new IllegalArgumentException(name.getLocalPart() + " cannot be written: " + e.getMessage(), e);
        }
    }

    private static ObjectMapper createMapper() {
        var dates = new SimpleModule("xsd-dates");
        dates.addSerializer(XMLGregorianCalendar.class, new JsonSerializer<>() {
            @Override
            public void serialize(XMLGregorianCalendar value, JsonGenerator gen, SerializerProvider serializers)
                    throws IOException {
                gen.writeString(value.toXMLFormat());
            }
        });
        dates.addDeserializer(XMLGregorianCalendar.class, new JsonDeserializer<>() {
            @Override
            public XMLGregorianCalendar deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                try {
                    return DATATYPES.newXMLGregorianCalendar(p.getValueAsString());
                } catch (IllegalArgumentException e) {
                    throw ctxt.weirdStringException(p.getValueAsString(), XMLGregorianCalendar.class, "not an XSD date");
                }
            }
        });
        return JsonMapper.builder()
                .addModule(new JakartaXmlBindAnnotationModule())
                .addModule(dates)
                .serializationInclusion(JsonInclude.Include.NON_EMPTY)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .disable(MapperFeature.AUTO_DETECT_GETTERS)
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                // 38250.00 stays 38250.00: the digits are the document's, as in the XML.
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }
}
