package org.coconnect.ws.local;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local interface's JSON, through Jackson with the strictness our own systems rely on: one value, no
 * comments, no duplicate or (for typed bindings) unknown members, strings that stay strings, and caps on
 * size and depth. Values that are neither JSON nor containers (instants, UUIDs, CO references) are
 * written as the string of their text form.
 */
public final class LocalJson {

    /** Largest JSON request body, and the largest JSON document the parser accepts at all. */
    static final int MAX_DOCUMENT = 64 * 1024;
    // Bodies are capped already; the depth cap keeps a nested body from exhausting the stack.
    static final int MAX_DEPTH = 32;
    private static final TypeReference<LinkedHashMap<String, String>> FLAT_OBJECT = new TypeReference<>() {
    };
    private static final ObjectMapper MAPPER = mapper();

    private LocalJson() {
    }

    /** The mapper the JAX-RS provider writes answers with and requests are read with. */
    static ObjectMapper mapper() {
        var factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxDocumentLength(MAX_DOCUMENT).maxStringLength(MAX_DOCUMENT).build())
                .build();
        var mapper = new ObjectMapper(factory);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // A number or true where a string belongs is a mistake in the caller, not something to guess at.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        var textForm = new SimpleModule("text-form-values");
        textForm.setSerializers(new TextFormValues());
        mapper.registerModule(textForm);
        return mapper;
    }

    /**
     * A JSON object whose values are all strings or null, as requests to the local interface are.
     *
     * @throws LocalApiException 400 (CC-7002) saying what is wrong and where, or 413 when over a cap
     */
    static Map<String, String> readFlatObject(byte[] body) {
        try {
            Map<String, String> object = MAPPER.readValue(body, FLAT_OBJECT);
            if (object == null) {
                throw LocalRequest.badRequest("Malformed JSON: expected a JSON object {...}, not null.");
            }
            return object;
        } catch (StreamConstraintsException e) {
            throw LocalRequest.badRequest("Malformed JSON: " + e.getOriginalMessage());
        } catch (MismatchedInputException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
                throw LocalRequest.badRequest("Malformed JSON" + at(e) + ": unexpected text after the JSON object.");
            }
            String member = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
            throw LocalRequest.badRequest(member == null ? "Malformed JSON" + at(e) + ": expected a JSON object {...}."
                    : "Malformed JSON" + at(e) + ": the value of \"" + member + "\" must be a string or null.");
        } catch (JsonProcessingException e) {
            throw LocalRequest.badRequest("Malformed JSON" + at(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw LocalRequest.badRequest("The request body could not be read.");
        }
    }

    /** JSON text of maps, collections and plain values, as the local interface answers. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The value of a JSON text (maps, lists, strings, numbers, booleans), or null when it is not JSON. */
    public static Object parseOrNull(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String at(JsonProcessingException e) {
        var location = e.getLocation();
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Writes enums and every type Jackson would otherwise take apart as a bean by their text form. */
    private static final class TextFormValues extends SimpleSerializers {
        @Override
        public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription bean) {
            Class<?> raw = type.getRawClass();
            boolean plain = raw == String.class || Number.class.isAssignableFrom(raw) || raw == Boolean.class
                    || raw.isPrimitive() || raw == Object.class || Map.class.isAssignableFrom(raw)
                    || Collection.class.isAssignableFrom(raw) || raw.isArray() || type.isReferenceType();
            return plain ? null : ToStringSerializer.instance;
        }
    }
}
