package org.coconnect.ws;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;

/**
 * Translates the XPath locations of the rules both bindings share ({@code /m:send-co/co:CertificateOfOrigin/
 * co:Consignment/co:GoodsItem[2]}) into the JSON Pointers a JSON partner reads ({@code /CertificateOfOrigin/
 * Consignment/GoodsItem/1}), walking the operation's JSON Schema to know which members are arrays. A location
 * that does not fit the schema is left as it is.
 */
final class JsonPointers {

    private static final Map<Operation, JsonNode> SCHEMAS = load();

    private JsonPointers() {
    }

    /** The acknowledgement with every problem's XPath in the operation's payload as a JSON Pointer. */
    static Acknowledgement translate(Operation operation, Acknowledgement ack) {
        List<Problem> problems = new ArrayList<>(ack.problems().size());
        for (Problem p : ack.problems()) {
            problems.add(new Problem(p.code(), p.severity(), p.text(), pointer(operation, p.location())));
        }
        return new Acknowledgement(ack.status(), ack.receivedMessageId(), ack.receivedAt(), ack.payloadDigest(), problems);
    }

    static String pointer(Operation operation, String xpath) {
        if (xpath == null || !xpath.startsWith("/")) {
            return xpath;
        }
        String root = "/m:" + operation.pathName();
        int at = xpath.indexOf(root);
        if (at < 0 || !(xpath.length() == at + root.length() || xpath.charAt(at + root.length()) == '/')) {
            return xpath;
        }
        JsonNode schema = SCHEMAS.get(operation);
        JsonNode node = resolve(schema, schema);
        var pointer = new StringBuilder();
        String rest = xpath.substring(at + root.length());
        for (String step : rest.isEmpty() ? new String[0] : rest.substring(1).split("/")) {
            String name = step.replaceFirst("^@", "").replaceFirst("^[A-Za-z0-9]+:", "").replaceFirst("\\[\\d+]$", "");
            int index = step.matches(".*\\[\\d+]$") ? Integer.parseInt(step.replaceFirst(".*\\[(\\d+)]$", "$1")) - 1 : 0;
            JsonNode property = node.path("properties").path(name);
            if (property.isMissingNode()) {
                return xpath;
            }
            pointer.append('/').append(name);
            node = resolve(schema, property);
            if ("array".equals(node.path("type").asText())) {
                pointer.append('/').append(index);
                node = resolve(schema, node.path("items"));
            }
        }
        return pointer.toString();
    }

    private static JsonNode resolve(JsonNode schema, JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            current = schema.at(ref.substring(1));
        }
        return current;
    }

    private static Map<Operation, JsonNode> load() {
        Map<Operation, JsonNode> map = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            try (InputStream in = JsonPayloadValidator.resource(operation.pathName())) {
                map.put(operation, JsonCodec.mapper().readTree(in));
            } catch (IOException e) {
                throw new IllegalStateException("JSON Schema " + operation.pathName() + " cannot be read", e);
            }
        }
        return map;
    }
}
