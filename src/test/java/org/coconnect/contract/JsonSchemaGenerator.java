package org.coconnect.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.namespace.QName;
import org.apache.xmlbeans.SchemaAnnotation;
import org.apache.xmlbeans.SchemaLocalAttribute;
import org.apache.xmlbeans.SchemaLocalElement;
import org.apache.xmlbeans.SchemaParticle;
import org.apache.xmlbeans.SchemaType;
import org.apache.xmlbeans.SchemaTypeSystem;
import org.apache.xmlbeans.XmlAnySimpleType;
import org.apache.xmlbeans.XmlInteger;
import org.apache.xmlbeans.XmlObject;
import org.coconnect.domain.Operation;
import org.coconnect.ws.Contract;
import org.coconnect.ws.VerifyEndpoint;

/**
 * Writes the JSON Schema (2020-12) of every message from the compiled XSD, so the two cannot drift:
 * one object per complex type with the XSD's element and attribute names (a simple content's text as
 * "value"), repeated elements as arrays, the XSD's facets and code lists, its documentation as
 * descriptions. Each file is self-contained: the message's type and every type it reaches, in $defs.
 */
final class JsonSchemaGenerator {

    static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
    static final String ID_PREFIX = "urn:coconnect:json-schema:1:";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SchemaTypeSystem types;
    private final Map<String, ObjectNode> defs = new TreeMap<>();
    private final Deque<SchemaType> pending = new ArrayDeque<>();

    private JsonSchemaGenerator(SchemaTypeSystem types) {
        this.types = types;
    }

    /** File name to schema, one per operation's request and one for the acknowledgement. */
    static Map<String, JsonNode> generate(SchemaTypeSystem types) {
        var files = new LinkedHashMap<String, JsonNode>();
        for (Operation operation : Operation.values()) {
            files.put(operation.pathName() + ".schema.json", new JsonSchemaGenerator(types)
                    .file(operation.pathName(), Contract.requestElement(operation)));
        }
        files.put("acknowledgement.schema.json", new JsonSchemaGenerator(types)
                .file("acknowledgement", Contract.responseElement(Operation.SEND_CO)));
        // The Annex III lookup, the ninth operation: a request and its own answer, no acknowledgement.
        files.put("verify-co.schema.json", new JsonSchemaGenerator(types).file("verify-co", VerifyEndpoint.REQUEST));
        files.put("verify-co-response.schema.json", new JsonSchemaGenerator(types)
                .file("verify-co-response", VerifyEndpoint.RESPONSE));
        return files;
    }

    private JsonNode file(String name, QName element) {
        var global = types.findElement(element);
        if (global == null) {
            throw new IllegalStateException("no element " + element);
        }
        ObjectNode root = NODES.objectNode();
        root.put("$schema", DRAFT);
        root.put("$id", ID_PREFIX + name);
        root.put("title", name);
        String doc = documentation(global.getAnnotation());
        root.put("description", (doc == null ? "" : doc + " ") + "JSON binding of the XSD element "
                + element.getLocalPart() + " (" + element.getNamespaceURI() + "); see docs/json-api.md.");
        root.put("$ref", ref(global.getType()));
        while (!pending.isEmpty()) {
            SchemaType type = pending.pop();
            defs.put(defName(type), definition(type));
        }
        ObjectNode all = root.putObject("$defs");
        defs.forEach(all::set);
        return root;
    }

    private String ref(SchemaType type) {
        String name = defName(type);
        if (!defs.containsKey(name) && pending.stream().noneMatch(t -> t == type)) {
            defs.put(name, null);
            pending.push(type);
        }
        return "#/$defs/" + name;
    }

    /** The type's namespace, short, before its name: co.IdentifierType and messages.IdentifierType differ. */
    private static String defName(SchemaType type) {
        QName name = type.getName();
        String space = name.getNamespaceURI().replaceFirst("^urn:coconnect:", "").replaceFirst(":[0-9]+$", "")
                .replace(':', '.');
        return space + "." + name.getLocalPart();
    }

    /** A type by reference when it is named (and not built in), inline otherwise. */
    private ObjectNode use(SchemaType type) {
        if (type.getName() != null && !type.isBuiltinType()) {
            ObjectNode node = NODES.objectNode();
            node.put("$ref", ref(type));
            return node;
        }
        return definition(type);
    }

    private ObjectNode definition(SchemaType type) {
        ObjectNode node = type.isSimpleType() ? simple(type) : complex(type);
        String doc = documentation(type.getAnnotation());
        if (doc != null) {
            node.put("description", doc);
        }
        return node;
    }

    private ObjectNode complex(SchemaType type) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        if (type.getContentType() == SchemaType.SIMPLE_CONTENT) {
            properties.set("value", simple(type));
            required.add("value");
        }
        for (SchemaLocalAttribute attribute : type.getAttributeModel().getAttributes()) {
            properties.set(attribute.getName().getLocalPart(), use(attribute.getType()));
            if (attribute.getUse() == SchemaLocalAttribute.REQUIRED) {
                required.add(attribute.getName().getLocalPart());
            }
        }
        SchemaParticle content = type.getContentModel();
        if (content != null) {
            particle(content, properties, required);
        }
        if (!required.isEmpty()) {
            node.set("required", required);
        }
        node.put("additionalProperties", false);
        return node;
    }

    private void particle(SchemaParticle particle, ObjectNode properties, ArrayNode required) {
        switch (particle.getParticleType()) {
            case SchemaParticle.SEQUENCE -> {
                for (SchemaParticle child : particle.getParticleChildren()) {
                    particle(child, properties, required);
                }
            }
            case SchemaParticle.ELEMENT -> element(particle, properties, required);
            default -> throw new IllegalStateException("particle kind " + particle.getParticleType()
                    + " has no JSON binding yet (only sequences of elements)");
        }
    }

    private void element(SchemaParticle particle, ObjectNode properties, ArrayNode required) {
        String name = particle.getName().getLocalPart();
        ObjectNode value = use(particle.getType());
        String doc = documentation(((SchemaLocalElement) particle).getAnnotation());
        BigInteger max = particle.getMaxOccurs();
        boolean repeated = max == null || max.compareTo(BigInteger.ONE) > 0;
        ObjectNode property;
        if (repeated) {
            property = NODES.objectNode();
            property.put("type", "array");
            property.set("items", value);
            property.put("minItems", Math.max(1, particle.getIntMinOccurs()));
            if (max != null) {
                property.put("maxItems", max.intValueExact());
            }
        } else {
            property = value;
        }
        if (doc != null) {
            property.put("description", doc);
        }
        properties.set(name, property);
        if (particle.getIntMinOccurs() > 0) {
            required.add(name);
        }
    }

    private ObjectNode simple(SchemaType type) {
        ObjectNode node = NODES.objectNode();
        SchemaType primitive = type.getPrimitiveType();
        int code = primitive == null ? SchemaType.BTC_STRING : primitive.getBuiltinTypeCode();
        boolean integer = XmlInteger.type.isAssignableFrom(type);
        switch (code) {
            case SchemaType.BTC_BOOLEAN -> node.put("type", "boolean");
            case SchemaType.BTC_DECIMAL, SchemaType.BTC_FLOAT, SchemaType.BTC_DOUBLE ->
                    node.put("type", integer ? "integer" : "number");
            case SchemaType.BTC_DATE_TIME -> lexical(node, "^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}"
                    + "(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$", "xs:dateTime");
            case SchemaType.BTC_DATE -> lexical(node, "^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$",
                    "xs:date");
            case SchemaType.BTC_BASE_64_BINARY -> {
                node.put("type", "string");
                node.put("contentEncoding", "base64");
            }
            default -> node.put("type", "string");
        }
        facets(type, node, integer || code != SchemaType.BTC_DECIMAL);
        return node;
    }

    private static void lexical(ObjectNode node, String pattern, String xsdType) {
        node.put("type", "string");
        node.put("pattern", pattern);
        node.put("$comment", "the lexical form of " + xsdType);
    }

    private static void facets(SchemaType type, ObjectNode node, boolean whole) {
        XmlAnySimpleType[] values = type.getEnumerationValues();
        if (values != null) {
            ArrayNode list = node.putArray("enum");
            for (XmlAnySimpleType v : values) {
                list.add(v.getStringValue());
            }
        }
        String[] patterns = type.getPatterns();
        if (patterns != null && patterns.length > 0 && !node.has("pattern")) {
            // XSD patterns match the whole value; the JSON Schema's are anchored by hand.
            node.put("pattern", patterns.length == 1 ? "^(?:" + patterns[0] + ")$"
                    : "^(?:" + String.join("|", patterns) + ")$");
        }
        length(type, SchemaType.FACET_LENGTH, node, "minLength");
        length(type, SchemaType.FACET_LENGTH, node, "maxLength");
        length(type, SchemaType.FACET_MIN_LENGTH, node, "minLength");
        length(type, SchemaType.FACET_MAX_LENGTH, node, "maxLength");
        String kind = node.path("type").asText();
        if ("integer".equals(kind) || "number".equals(kind)) {
            bound(type, SchemaType.FACET_MIN_INCLUSIVE, node, "minimum");
            bound(type, SchemaType.FACET_MAX_INCLUSIVE, node, "maximum");
            bound(type, SchemaType.FACET_MIN_EXCLUSIVE, node, "exclusiveMinimum");
            bound(type, SchemaType.FACET_MAX_EXCLUSIVE, node, "exclusiveMaximum");
        }
        XmlAnySimpleType digits = type.getFacet(SchemaType.FACET_FRACTION_DIGITS);
        if (digits != null && "number".equals(kind) && !whole) {
            node.put("multipleOf", new java.math.BigDecimal(BigInteger.ONE,
                    Integer.parseInt(digits.getStringValue())));
        }
    }

    private static void length(SchemaType type, int facet, ObjectNode node, String keyword) {
        XmlAnySimpleType value = type.getFacet(facet);
        if (value != null && !"integer".equals(node.path("type").asText())) {
            node.put(keyword, Integer.parseInt(value.getStringValue()));
        }
    }

    private static void bound(SchemaType type, int facet, ObjectNode node, String keyword) {
        XmlAnySimpleType value = type.getFacet(facet);
        if (value != null) {
            node.put(keyword, new java.math.BigDecimal(value.getStringValue()));
        }
    }

    private static String documentation(SchemaAnnotation annotation) {
        if (annotation == null) {
            return null;
        }
        var text = new StringBuilder();
        for (XmlObject doc : annotation.getUserInformation()) {
            String s;
            try (var cursor = doc.newCursor()) {
                s = cursor.getTextValue();
            }
            if (s != null && !s.isBlank()) {
                text.append(text.length() == 0 ? "" : " ").append(s.strip().replaceAll("\\s+", " "));
            }
        }
        return text.length() == 0 ? null : text.toString();
    }

    static String write(JsonNode schema) throws java.io.IOException {
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n";
    }
}
