package org.coconnect.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Where the docs list the operations, they list exactly the {@link Operation} values (plus the verify-co lookup),
 * they count them right, and no text names an operation that does not exist.
 */
class OperationDocumentationTest {

    private static final Pattern SEND = Pattern.compile("\\bsend-[a-z]+(?:-[a-z]+)*");
    private static final List<String> NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve");
    private static final Pattern COUNTED = Pattern.compile("\\b(" + String.join("|", NUMBERS) + ") (?:push )?operations\\b");

    private static final Set<String> OPERATIONS = Arrays.stream(Operation.values()).map(Operation::pathName)
            .collect(Collectors.toCollection(TreeSet::new));

    @Test
    void theAddressListsNameEveryOperationAndTheLookup() throws IOException {
        assertLists("docs/configuration.md", line -> line.startsWith("| `server.host`"));
        assertLists("docs/conformance.md", line -> line.startsWith("| addresses |"));
        assertTrue(line("docs/configuration.md", l -> l.startsWith("| `server.host`")).contains("`/verify-co`"));
        assertTrue(line("docs/conformance.md", l -> l.startsWith("| addresses |")).contains("`/verify-co`"));
    }

    @Test
    void theMetricLabelListNamesEveryOperation() throws IOException {
        String text = Files.readString(Path.of("docs/operations.md"));
        int start = text.indexOf("`operation` is the operation's path name:");
        assertTrue(start >= 0, "docs/operations.md lost the list of operation labels");
        assertEquals(OPERATIONS, named(text.substring(start, text.indexOf("\n\n", start))));
    }

    @Test
    void theReadmeIntroductionNamesEveryOperationAndTheLookup() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String introduction = readme.substring(0, readme.indexOf("\n## "));
        assertEquals(OPERATIONS, named(introduction));
        assertTrue(introduction.contains("`verify-co`"));
    }

    @Test
    void theCountsAreRight() throws IOException {
        int push = Operation.values().length;
        assertTrue(Files.readString(Path.of("README.md")).contains(NUMBERS.get(push) + " push operations"),
                "README.md should say " + NUMBERS.get(push) + " push operations");
        assertTrue(Files.readString(Path.of("docs/adding-an-operation.md")).contains(NUMBERS.get(push + 1) + " with the lookup"),
                "docs/adding-an-operation.md should say " + NUMBERS.get(push + 1) + " with the lookup");
        for (Path doc : docs()) {
            Matcher m = COUNTED.matcher(Files.readString(doc).replaceAll("\\s+", " "));
            while (m.find()) {
                int n = NUMBERS.indexOf(m.group(1));
                assertTrue(n == push || n == push + 1, doc + " says '" + m.group() + "'; there are " + push
                        + " push operations and the lookup");
            }
        }
    }

    @Test
    void noDocumentNamesAnOperationThatDoesNotExist() throws IOException {
        for (Path doc : docs()) {
            for (String name : named(Files.readString(doc))) {
                // send-x is the placeholder of docs/adding-an-operation.md.
                assertTrue(OPERATIONS.contains(name) || name.equals("send-x"), doc + " names " + name);
            }
        }
    }

    private static void assertLists(String doc, java.util.function.Predicate<String> which) throws IOException {
        String row = line(doc, which);
        Set<String> paths = new TreeSet<>();
        Matcher m = Pattern.compile("`/(send-[a-z-]+)`").matcher(row);
        while (m.find()) {
            paths.add(m.group(1));
        }
        assertEquals(OPERATIONS, paths, doc + ": " + row);
    }

    private static String line(String doc, java.util.function.Predicate<String> which) throws IOException {
        return Files.readAllLines(Path.of(doc)).stream().filter(which).findFirst()
                .orElseThrow(() -> new AssertionError(doc + " lost its list of operations"));
    }

    /** The operation names in a text; an element named after one (send-co-response) counts as that one. */
    private static Set<String> named(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = SEND.matcher(text);
        while (m.find()) {
            names.add(m.group().replaceFirst("-response$", ""));
        }
        return names;
    }

    private static List<Path> docs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            return Stream.concat(Stream.of(Path.of("README.md")), files.filter(p -> p.toString().endsWith(".md"))).toList();
        }
    }
}
