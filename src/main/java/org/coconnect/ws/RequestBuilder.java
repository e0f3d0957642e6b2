package org.coconnect.ws;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.coconnect.domain.MessageContent;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Operation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Builds request payloads (the operation's wrapper element with header and content) as DOM. */
public final class RequestBuilder {

    private static final DocumentBuilderFactory DOCUMENTS = SecureXml.documentBuilderFactory();

    private RequestBuilder() {
    }

    /** A send-co request: the header and the CO information package given as XML. */
    public static Element sendCo(MessageHeader header, Element certificateOfOrigin) {
        Element wrapper = wrapper(Operation.SEND_CO, header);
        wrapper.appendChild(wrapper.getOwnerDocument().importNode(certificateOfOrigin, true));
        return wrapper;
    }

    /** A send-do request: the header and the Declaration of Origin given as XML. */
    public static Element sendDo(MessageHeader header, Element declarationOfOrigin) {
        Element wrapper = wrapper(Operation.SEND_DO, header);
        wrapper.appendChild(wrapper.getOwnerDocument().importNode(declarationOfOrigin, true));
        return wrapper;
    }

    /** A request that is one generated type as a whole, e.g. verify-co. */
    public static Element element(QName name, Object value) {
        try {
            Document doc = DOCUMENTS.newDocumentBuilder().newDocument();
            @SuppressWarnings({"unchecked", "rawtypes"})
            var element = new JAXBElement(name, value.getClass(), value);
            Contract.jaxb().createMarshaller().marshal(element, doc);
            return doc.getDocumentElement();
        } catch (ParserConfigurationException | JAXBException e) {
            throw new IllegalStateException(name + " cannot be written", e);
        }
    }

    /**
     * The request of an operation whose content the gateway composes (every one but send-co and send-do),
     * written through the operation's binding.
     */
    public static Element request(Operation operation, MessageHeader header, MessageContent content) {
        return PayloadBindings.of(operation).write(header, content);
    }

    static Element withContent(Operation operation, MessageHeader header, String name, Object content) {
        return withContent(operation, header, Contract.MESSAGES_NAMESPACE, name, content);
    }

    static Element withContent(Operation operation, MessageHeader header, String namespace, String name,
                                       Object content) {
        Element wrapper = wrapper(operation, header);
        marshal(new QName(namespace, name), content, wrapper);
        return wrapper;
    }

    private static Element wrapper(Operation operation, MessageHeader header) {
        try {
            Document doc = DOCUMENTS.newDocumentBuilder().newDocument();
            Element wrapper = doc.createElementNS(Contract.MESSAGES_NAMESPACE, "m:" + operation.pathName());
            wrapper.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:m", Contract.MESSAGES_NAMESPACE);
            doc.appendChild(wrapper);
            marshal(new QName(Contract.MESSAGES_NAMESPACE, "MessageHeader"), AcknowledgementMapper.toHeader(header), wrapper);
            return wrapper;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void marshal(QName name, Object value, Element parent) {
        try {
            Marshaller marshaller = Contract.jaxb().createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            marshaller.marshal(new JAXBElement(name, value.getClass(), value), parent);
        } catch (JAXBException e) {
            throw new IllegalStateException("request cannot be written", e);
        }
    }
}
