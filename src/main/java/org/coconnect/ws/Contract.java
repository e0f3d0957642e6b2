package org.coconnect.ws;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.coconnect.config.SecurityProfile;
import org.coconnect.domain.Operation;
import org.xml.sax.SAXException;

/** The WSDL and schemas on the classpath, and the names and compiled forms derived from them. */
public final class Contract {

    public static final String WSDL_NAMESPACE = "urn:coconnect:wsdl:1";
    public static final String MESSAGES_NAMESPACE = "urn:coconnect:messages:1";
    public static final String CO_NAMESPACE = "urn:coconnect:co:1";
    /** Declarations of Origin and approved-exporter lists (framework Annex IV). */
    public static final String DO_NAMESPACE = "urn:coconnect:do:1";
    public static final QName SERVICE = new QName(WSDL_NAMESPACE, "CoConnectService");
    public static final String WSDL_RESOURCE = "wsdl/coconnect.wsdl";
    /** The same operations under the legacy CBC profile's policy (sp:Basic256Sha256), for partners that opted in. */
    public static final String LEGACY_CBC_WSDL_RESOURCE = "wsdl/coconnect-legacy-cbc.wsdl";
    public static final QName LEGACY_CBC_SERVICE = new QName(WSDL_NAMESPACE, "CoConnectLegacyCbcService");
    /** Path prefix of the legacy CBC profile's endpoints, e.g. /legacy/send-co. */
    public static final String LEGACY_CBC_PATH = "legacy/";
    public static final String SCHEMA_RESOURCE = "xsd/coconnect-messages.xsd";

    private static final JAXBContext JAXB = createJaxbContext();
    private static final Schema SCHEMA = compileSchema();

    private Contract() {
    }

    /** The WSDL port serving one operation; its name is the operation's path name. */
    public static QName port(Operation operation) {
        return new QName(WSDL_NAMESPACE, operation.pathName());
    }

    /** The SOAPAction of an operation, as in the WSDL's binding, e.g. {@code urn:coconnect:send-co}. */
    public static String soapAction(Operation operation) {
        return "urn:coconnect:" + operation.pathName();
    }

    /** The request wrapper element of an operation, e.g. {@code m:send-co}. */
    public static QName requestElement(Operation operation) {
        return new QName(MESSAGES_NAMESPACE, operation.pathName());
    }

    /** The response wrapper element of an operation, e.g. {@code m:send-co-response}. */
    public static QName responseElement(Operation operation) {
        return new QName(MESSAGES_NAMESPACE, operation.pathName() + "-response");
    }

    public static URL wsdlUrl() {
        return resource(WSDL_RESOURCE);
    }

    /** The WSDL whose policy a profile follows. */
    public static String wsdlResource(SecurityProfile profile) {
        return profile == SecurityProfile.LEGACY_CBC ? LEGACY_CBC_WSDL_RESOURCE : WSDL_RESOURCE;
    }

    public static URL wsdlUrl(SecurityProfile profile) {
        return resource(wsdlResource(profile));
    }

    public static QName service(SecurityProfile profile) {
        return profile == SecurityProfile.LEGACY_CBC ? LEGACY_CBC_SERVICE : SERVICE;
    }

    /** Where we serve an operation under a profile, relative to the base URL: send-co or legacy/send-co. */
    public static String path(SecurityProfile profile, Operation operation) {
        return (profile == SecurityProfile.LEGACY_CBC ? LEGACY_CBC_PATH : "") + operation.pathName();
    }

    /** Thread-safe JAXB context for all generated types. */
    public static JAXBContext jaxb() {
        return JAXB;
    }

    /** Thread-safe compiled schema of every CoConnect message. */
    public static Schema schema() {
        return SCHEMA;
    }

    private static URL resource(String name) {
        URL url = Contract.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return url;
    }

    private static JAXBContext createJaxbContext() {
        try {
            return JAXBContext.newInstance(org.coconnect.ws.generated.messages.ObjectFactory.class,
                    org.coconnect.ws.generated.co.ObjectFactory.class,
                    org.coconnect.ws.generated.declaration.ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("JAXB context for the CoConnect schemas cannot be built", e);
        }
    }

    private static Schema compileSchema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // Our own schemas only: imports resolve on the classpath, never over the network.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
            return factory.newSchema(resource(SCHEMA_RESOURCE));
        } catch (SAXException e) {
            throw new IllegalStateException("CoConnect schemas do not compile", e);
        }
    }
}
