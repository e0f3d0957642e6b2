package org.coconnect.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ReferenceCodeTest {

    @Test
    void codesAreTenCharactersWithoutLookAlikesAndDoNotRepeat() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            String code = ReferenceCode.generate();
            assertEquals(ReferenceCode.LENGTH, code.length());
            assertTrue(code.chars().allMatch(c -> ReferenceCode.ALPHABET.indexOf(c) >= 0), code);
            assertTrue(code.chars().noneMatch(c -> "01ILO".indexOf(c) >= 0), code);
            seen.add(code);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void aCodeMatchesAsTypedWithSpacesDashesAndLowerCase() {
        assertTrue(ReferenceCode.matches("AB3CD4EF5G", "ab3cd-4ef5g"));
        assertTrue(ReferenceCode.matches("AB3CD4EF5G", " AB3C D4EF 5G "));
    }

    @Test
    void anythingElseDoesNotMatch() {
        assertFalse(ReferenceCode.matches("AB3CD4EF5G", "AB3CD4EF5H"));
        assertFalse(ReferenceCode.matches("AB3CD4EF5G", "AB3CD4EF5"));
        assertFalse(ReferenceCode.matches("AB3CD4EF5G", ""));
        assertFalse(ReferenceCode.matches("AB3CD4EF5G", null));
        assertFalse(ReferenceCode.matches(null, "----------"), "a CO without a code is never found");
        assertFalse(ReferenceCode.matches(null, null));
    }
}
