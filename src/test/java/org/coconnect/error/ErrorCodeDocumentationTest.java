package org.coconnect.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The error-code table of docs/error-codes.md and the enum are one list: same codes, same names, same meanings. */
class ErrorCodeDocumentationTest {

    @Test
    void everyCodeIsDocumentedInTheErrorCodeTableWithItsNameAndMeaning() throws IOException {
        String readme = Files.readString(Path.of("docs", "error-codes.md"));
        for (ErrorCode code : ErrorCode.values()) {
            var row = Pattern.compile("\\| `" + code.code() + "` \\| `" + code.name() + "` \\|[^\\n]*\\| "
                    + Pattern.quote(code.meaning()) + " \\|");
            assertTrue(row.matcher(readme).find(), "docs/error-codes.md lacks the row for " + code.code() + " " + code.name());
        }
    }

    @Test
    void codesAreUniqueAndWellFormed() {
        var seen = new HashSet<String>();
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(code.code().matches("CC-\\d{4}"), code.code());
            assertTrue(seen.add(code.code()), "duplicate " + code.code());
        }
        assertEquals(ErrorCode.values().length, Arrays.stream(ErrorCode.values()).map(ErrorCode::code).distinct().count());
    }
}
