package org.coconnect.ws;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;

/**
 * Validates a JSON payload against its committed JSON Schema (json-schema/, 2020-12) and reports every
 * problem with the JSON Pointer of the value concerned, as the SOAP side reports XPaths.
 */
public final class JsonPayloadValidator {

    /** Classpath folder of the schemas, also the path they are served under. */
    public static final String RESOURCE_DIR = "json-schema/";
    private static final int MAX_PROBLEMS = 50;
    /** Digits before or after the point past which no value of any of our schemas lies (they allow 18 at most). */
    private static final int MAX_NUMBER_DIGITS = 40;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<Operation, Schema> REQUESTS = load();
    private static final Schema ACKNOWLEDGEMENT = schema("acknowledgement");
    private static final Schema LOOKUP = schema(VerifyEndpoint.PATH);
    private static final Schema LOOKUP_ANSWER = schema(VerifyEndpoint.PATH + "-response");

    private JsonPayloadValidator() {
    }

    /** Whether a schema of this name is published: one per operation, the acknowledgement and the lookup's two. */
    public static boolean isPublished(String name) {
        return Operation.byPathName(name).isPresent() || name.equals("acknowledgement") || name.equals(VerifyEndpoint.PATH)
                || name.equals(VerifyEndpoint.PATH + "-response");
    }

    /** The file name of an operation's schema, e.g. send-co.schema.json. */
    public static String fileName(String name) {
        return name + ".schema.json";
    }

    /** Every problem of the operation's request, empty when it is valid. */
    public static List<Problem> validate(Operation operation, JsonNode json) {
        return validated(REQUESTS.get(operation), json);
    }

    /** Every problem of an acknowledgement message. */
    public static List<Problem> validateAcknowledgement(JsonNode json) {
        return validated(ACKNOWLEDGEMENT, json);
    }

    /** Every problem of a verify-co lookup. */
    public static List<Problem> validateLookup(JsonNode json) {
        return validated(LOOKUP, json);
    }

    /** Every problem of a verify-co answer. */
    public static List<Problem> validateLookupAnswer(JsonNode json) {
        return validated(LOOKUP_ANSWER, json);
    }

    /**
     * The schema's problems, after numbers no schema value comes near are taken out and reported on their own: the
     * validator's arithmetic on 1E+999999 (multipleOf) takes minutes of CPU, and it calls 1E+400 a valid weight.
     */
    private static List<Problem> validated(Schema schema, JsonNode json) {
        var unbounded = new ArrayList<String>();
        findUnboundedNumbers(json, "", unbounded);
        if (unbounded.isEmpty()) {
            return problems(schema.validate(json));
        }
        JsonNode bounded = json.deepCopy();
        var all = new ArrayList<Problem>();
        for (String pointer : unbounded) {
            JsonPointer at = JsonPointer.compile(pointer);
            JsonNode parent = bounded.at(at.head());
            if (parent instanceof ObjectNode object) {
                object.putNull(at.last().getMatchingProperty());
            } else {
                ((ArrayNode) parent).set(at.last().getMatchingIndex(), NullNode.getInstance());
            }
            all.add(Problem.error(ErrorCode.JSON_SCHEMA_INVALID, "A number with more than " + MAX_NUMBER_DIGITS
                    + " digits before or after the point: no value of this schema is that large or that precise.", pointer));
        }
        problems(schema.validate(bounded)).stream().filter(p -> !unbounded.contains(p.location())).forEach(all::add);
        return all.subList(0, Math.min(all.size(), MAX_PROBLEMS));
    }

    private static void findUnboundedNumbers(JsonNode node, String pointer, List<String> found) {
        if (isUnbounded(node)) {
            found.add(pointer);
        } else if (node instanceof ObjectNode object) {
            object.properties().forEach(member -> findUnboundedNumbers(member.getValue(),
                    pointer + "/" + escape(member.getKey()), found));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                findUnboundedNumbers(array.get(i), pointer + "/" + i, found);
            }
        }
    }

    private static boolean isUnbounded(JsonNode node) {
        // An int or a long has at most 19 digits: only the other numbers need a BigDecimal to be judged.
        if (!node.isNumber() || node.isInt() || node.isLong()) {
            return false;
        }
        if (node.isDouble() || node.isFloat()) {
            double value = node.doubleValue();
            return Double.isNaN(value) || Double.isInfinite(value) || isUnbounded(BigDecimal.valueOf(value));
        }
        return isUnbounded(node.decimalValue());
    }

    private static boolean isUnbounded(BigDecimal value) {
        return value.precision() - value.scale() > MAX_NUMBER_DIGITS || value.scale() > MAX_NUMBER_DIGITS;
    }

    private static List<Problem> problems(List<Error> errors) {
        var problems = new ArrayList<Problem>();
        for (Error error : errors.subList(0, Math.min(errors.size(), MAX_PROBLEMS))) {
            String pointer = pointer(error.getInstanceLocation());
            if ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword())) {
                pointer = pointer + "/" + escape(error.getProperty());
            }
            problems.add(Problem.error(ErrorCode.JSON_SCHEMA_INVALID, error.getMessage(), pointer));
        }
        return problems;
    }

    /** RFC 6901: "" for the whole document, then "/" and each member name or index, ~ and / escaped. */
    static String pointer(NodePath path) {
        var pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return pointer.toString();
    }

    private static String escape(String name) {
        return name == null ? "" : name.replace("~", "~0").replace("/", "~1");
    }

    private static Map<Operation, Schema> load() {
        Map<Operation, Schema> map = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            map.put(operation, schema(operation.pathName()));
        }
        return map;
    }

    private static Schema schema(String name) {
        try (InputStream in = resource(name)) {
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("JSON Schema " + name + " cannot be read", e);
        }
    }

    /** The committed schema as a stream, for serving it. */
    public static InputStream resource(String name) {
        InputStream in = JsonPayloadValidator.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + fileName(name));
        if (in == null) {
            throw new IllegalStateException("JSON Schema " + name + " is not on the classpath");
        }
        return in;
    }
}
