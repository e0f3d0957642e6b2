package org.coconnect.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile changes to a JSON API payload, as a broken or malicious partner system makes them: a member
 * dropped, renamed or added, a value of the wrong type or of no sane size, an array repeated, nesting no
 * schema foresaw; and, on the serialised text, the member names duplicated, the text cut short or not
 * UTF-8. Seeded, and each change is described.
 */
public final class JsonMutator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Random random;

    public JsonMutator(Random random) {
        this.random = random;
    }

    /** One to three changes to the tree, in place; says which. */
    public String mutate(ObjectNode root) {
        int changes = 1 + random.nextInt(3);
        var done = new ArrayList<String>();
        for (int i = 0; i < changes; i++) {
            List<Member> members = members(root, "");
            if (members.isEmpty()) {
                break;
            }
            done.add(mutateOne(members.get(random.nextInt(members.size()))));
        }
        return String.join("; ", done);
    }

    /** A change to the serialised text that no tree can hold; appends what it was to {@code description}. */
    public byte[] mutateText(byte[] json, StringBuilder description) {
        String text = new String(json, StandardCharsets.UTF_8);
        int at = random.nextInt(text.length());
        switch (random.nextInt(6)) {
            case 0 -> {
                description.append("cut after character ").append(at);
                return text.substring(0, at).getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                int brace = text.indexOf('{', 1);
                description.append("a member name repeated");
                return brace < 0 ? json : (text.substring(0, brace + 1) + "\"MessageHeader\":{},"
                        + text.substring(brace + 1)).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                description.append("bytes that are not UTF-8 at ").append(at);
                byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
                byte[] out = new byte[head.length + 2];
                System.arraycopy(head, 0, out, 0, head.length);
                out[head.length] = (byte) 0xC3;
                out[head.length + 1] = 0x28;
                return out;
            }
            case 3 -> {
                description.append("a second document after the first");
                return (text + "{}").getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                // Deeper than Jackson writes: only text can carry it.
                description.append("a member nested in 5,000 arrays");
                return ("{\"Smuggled\":" + "[".repeat(5_000) + "]".repeat(5_000) + "," + text.substring(1))
                        .getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                description.append("a comment, single quotes and a trailing comma");
                return ("/* x */" + text.replaceFirst("\"", "'").replaceFirst("}$", ",}")).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private String mutateOne(Member member) {
        switch (random.nextInt(6)) {
            case 0 -> {
                member.remove();
                return "removed " + member.path();
            }
            case 1, 2 -> {
                JsonNode value = hostileValue();
                member.set(value);
                String shown = value.toString();
                return "set " + member.path() + " to " + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown);
            }
            case 3 -> {
                if (member.parent() instanceof ObjectNode object) {
                    object.set("Smuggled" + random.nextInt(1000), hostileValue());
                    return "added a member beside " + member.path();
                }
                return "kept " + member.path();
            }
            case 4 -> {
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 300; i++) {
                    many.add(member.value().deepCopy());
                }
                member.set(many);
                return "made " + member.path() + " an array of 300 copies";
            }
            default -> {
                JsonNode nested = member.value();
                int depth = random.nextBoolean() ? 60 : 300;
                for (int i = 0; i < depth; i++) {
                    nested = NODES.arrayNode().add(nested);
                }
                member.set(nested);
                return "nested " + member.path() + " in " + depth + " arrays";
            }
        }
    }

    private JsonNode hostileValue() {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(new BigDecimal("1e" + (random.nextBoolean() ? 400 : 999_999)));
            case 3 -> NODES.numberNode(random.nextBoolean() ? -1L : Long.MAX_VALUE);
            case 4 -> NODES.numberNode(new BigDecimal("0." + "1".repeat(2_000)));
            case 5 -> NODES.arrayNode().add("x").add(1);
            case 6 -> NODES.objectNode().put("a", "b");
            default -> NODES.textNode(PayloadMutator.HOSTILE_VALUES.get(random.nextInt(PayloadMutator.HOSTILE_VALUES.size())));
        };
    }

    /** A member of an object or an element of an array, with what it takes to replace or drop it. */
    private record Member(JsonNode parent, String name, int index, String path) {
        JsonNode value() {
            return parent instanceof ObjectNode o ? o.get(name) : parent.get(index);
        }

        void set(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode o) {
                o.remove(name);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static List<Member> members(JsonNode node, String path) {
        var all = new ArrayList<Member>();
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                all.add(new Member(object, name, -1, path + "/" + name));
                all.addAll(members(object.get(name), path + "/" + name));
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                all.add(new Member(array, null, i, path + "/" + i));
                all.addAll(members(array.get(i), path + "/" + i));
            }
        }
        return all;
    }
}
