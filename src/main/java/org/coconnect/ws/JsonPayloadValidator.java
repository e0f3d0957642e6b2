package org.coconnect.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
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
        return problems(REQUESTS.get(operation).validate(json));
    }

    /** Every problem of an acknowledgement message. */
    public static List<Problem> validateAcknowledgement(JsonNode json) {
        return problems(ACKNOWLEDGEMENT.validate(json));
    }

    /** Every problem of a verify-co lookup. */
    public static List<Problem> validateLookup(JsonNode json) {
        return problems(LOOKUP.validate(json));
    }

    /** Every problem of a verify-co answer. */
    public static List<Problem> validateLookupAnswer(JsonNode json) {
        return problems(LOOKUP_ANSWER.validate(json));
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
