package org.coconnect.ws;

import javax.xml.namespace.QName;
import org.coconnect.domain.CertificateOfOrigin;
import org.coconnect.exchange.RejectionException;
import org.coconnect.ws.generated.co.CertificateOfOriginType;

/** Reads a CO information package handed over by the issuing system: well-formed, schema-valid, mapped. */
public final class CertificateReader {

    /** The CO as the domain sees it, and its XML in canonical form, as it will be sent. */
    public record Read(CertificateOfOrigin certificate, String xml) {
    }

    private static final QName ROOT = new QName(Contract.CO_NAMESPACE, "CertificateOfOrigin");

    private CertificateReader() {
    }

    /** Throws {@link RejectionException} naming every problem when the document is not a valid CO. */
    public static Read read(String xml) {
        var bound = SubmittedDocument.read(xml, ROOT, CertificateOfOriginType.class);
        return new Read(InboundMapper.certificate(bound.value()), bound.canonicalXml());
    }
}
