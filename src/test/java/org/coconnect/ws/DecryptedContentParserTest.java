package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.xml.security.parser.XMLParserException;
import org.junit.jupiter.api.Test;

/**
 * Issue #14: what WS-Security decrypts is held to the payload limits while it is parsed, not after
 * it has been built in memory. The bombs here are endless streams that fail the test if the parser
 * reads much past the point where a limit must have stopped it.
 */
class DecryptedContentParserTest {

    private final DecryptedContentParser parser = new DecryptedContentParser();

    @Test
    void anEndlessStreamOfElementsIsRefusedAtTheElementLimit() {
        long enough = (XmlLimits.MAX_ELEMENTS + 2L) * "<a/>".length() * 2;
        // Spread over children so that the per-element child limit is not what stops it.
        var bomb = new EndlessStream("<w>", "<c>" + "<a/>".repeat(1000) + "</c>", enough);
        assertThrows(XMLParserException.class, () -> parser.parse(bomb, true));
    }

    @Test
    void anEndlessNestingIsRefusedAtTheDepthLimit() {
        var bomb = new EndlessStream("<w>", "<d>", 64L * 1024);
        assertThrows(XMLParserException.class, () -> parser.parse(bomb, true));
    }

    @Test
    void tooManyAttributesAreRefused() {
        var attributes = new StringBuilder();
        for (int i = 0; i <= XmlLimits.MAX_ATTRIBUTES; i++) {
            attributes.append(" a").append(i).append("=\"x\"");
        }
        assertThrows(XMLParserException.class, () -> parser.parse(stream("<w><p" + attributes + "/></w>"), true));
    }

    @Test
    void aDoctypeIsRefused() {
        assertThrows(XMLParserException.class, () -> parser.parse(
                stream("<!DOCTYPE w [<!ENTITY e \"boom\">]><w>&e;</w>"), true));
    }

    @Test
    void ordinaryContentIsParsedWithItsNamespaces() throws Exception {
        var document = parser.parse(stream("<w xmlns:p=\"urn:example\"><p:a b=\"1\">text</p:a></w>"), true);
        var a = document.getDocumentElement().getFirstChild();
        assertEquals("urn:example", a.getNamespaceURI());
        assertEquals("a", a.getLocalName());
        assertEquals("text", a.getTextContent());
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The head, then the unit for ever; reading more than {@code limit} bytes fails the test. */
    private static final class EndlessStream extends InputStream {

        private final byte[] head;
        private final byte[] unit;
        private final long limit;
        private long position;

        EndlessStream(String head, String unit, long limit) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.unit = unit.getBytes(StandardCharsets.UTF_8);
            this.limit = limit;
        }

        @Override
        public int read() {
            if (position >= limit) {
                throw new AssertionError("read " + position + " bytes: no limit stopped the parser");
            }
            long at = position++;
            return at < head.length ? head[(int) at] : unit[(int) ((at - head.length) % unit.length)];
        }
    }
}
