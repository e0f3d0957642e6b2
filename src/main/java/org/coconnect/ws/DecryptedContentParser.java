package org.coconnect.ws;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.xml.security.parser.XMLParser;
import org.apache.xml.security.parser.XMLParserException;
import org.w3c.dom.Document;

/**
 * The parser Apache Santuario hands what it decrypts when WSS4J runs without CXF's own deserializer (installed by
 * {@link XmlLimits#installDecryptedContentLimits()}; CXF's endpoints parse with its StaxUtils under the same
 * limits, set there): the payload limits bite while it is parsed, so
 * a decrypted element bomb is refused after 500,000 elements instead of being built whole in memory
 * first (Santuario's default, the JDK parser under secure processing, limits entities, not elements).
 * No DTD is accepted.
 */
public final class DecryptedContentParser implements XMLParser {

    private static final XMLInputFactory FACTORY = limitedFactory();

    /** Santuario instantiates the class named by its system property with this constructor. */
    public DecryptedContentParser() {
    }

    @Override
    public Document parse(InputStream in, boolean disallowDocTypeDeclarations) throws XMLParserException {
        try {
            XMLStreamReader reader = new NoDoctype(FACTORY.createXMLStreamReader(in));
            try {
                return StaxUtils.read(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new XMLParserException(e, "empty", new Object[] {"decrypted content refused: " + e.getMessage()});
        }
    }

    private static XMLInputFactory limitedFactory() {
        var factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, XmlLimits.MAX_DEPTH + XmlLimits.WRAPPER_DEPTH);
        factory.setProperty(WstxInputProperties.P_MAX_CHILDREN_PER_ELEMENT, XmlLimits.MAX_CHILD_ELEMENTS);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, (long) XmlLimits.MAX_ELEMENTS + XmlLimits.WRAPPER_DEPTH);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, XmlLimits.MAX_ATTRIBUTES);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, XmlLimits.MAX_ATTRIBUTE_LENGTH);
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, XmlLimits.MAX_TEXT_LENGTH);
        return factory;
    }

    /** Refuses a DOCTYPE outright: decrypted content has no business declaring one. */
    private static final class NoDoctype extends StreamReaderDelegate {

        NoDoctype(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("DOCTYPE in decrypted content");
            }
            return event;
        }
    }
}
