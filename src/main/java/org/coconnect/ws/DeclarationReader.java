package org.coconnect.ws;

import javax.xml.namespace.QName;
import org.coconnect.domain.DeclarationOfOrigin;
import org.coconnect.exchange.RejectionException;
import org.coconnect.ws.generated.declaration.DeclarationOfOriginType;

/** Reads a Declaration of Origin handed over by the exporter's system: well-formed, schema-valid, mapped. */
public final class DeclarationReader {

    /** The DO as the domain sees it, and its XML in canonical form, as it will be sent. */
    public record Read(DeclarationOfOrigin declaration, String xml) {
    }

    private static final QName ROOT = new QName(Contract.DO_NAMESPACE, "DeclarationOfOrigin");

    private DeclarationReader() {
    }

    /** Throws {@link RejectionException} naming every problem when the document is not a valid DO. */
    public static Read read(String xml) {
        var bound = SubmittedDocument.read(xml, ROOT, DeclarationOfOriginType.class);
        return new Read(DeclarationMapper.declaration(bound.value()), bound.canonicalXml());
    }
}
