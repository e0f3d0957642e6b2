package org.coconnect.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xmlbeans.SchemaTypeSystem;
import org.apache.xmlbeans.XmlBeans;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.coconnect.domain.Operation;
import org.coconnect.ws.Contract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Compiles the schemas of the WSDL's types section the way SoapUI does: XmlBeans, on the schemas
 * taken out of the WSDL parsed from its file, so that relative schemaLocations resolve to xsd/.
 */
class XmlBeansSchemaCompileTest {

    static final Path WSDL = Path.of("wsdl", "coconnect.wsdl").toAbsolutePath();
    private static final String XSD = "http://www.w3.org/2001/XMLSchema";

    static SchemaTypeSystem compiled;
    static final List<XmlError> errors = new ArrayList<>();

    @BeforeAll
    static void compile() throws Exception {
        XmlObject[] schemas = schemasOfWsdl();
        // Defaults otherwise, as SoapUI: the Unique Particle Attribution rule is checked.
        var options = new XmlOptions().setErrorListener(errors);
        try {
            compiled = XmlBeans.compileXsd(schemas, XmlBeans.getBuiltinTypeSystem(), options);
        } catch (XmlException e) {
            errors.addAll(e.getErrors());
        }
    }

    /** Each xs:schema of wsdl:types as its own document, named after the WSDL file for relative imports. */
    static XmlObject[] schemasOfWsdl() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document wsdl = factory.newDocumentBuilder().parse(WSDL.toFile());
        NodeList nodes = wsdl.getElementsByTagNameNS(XSD, "schema");
        var parsed = new XmlObject[nodes.getLength()];
        for (int i = 0; i < nodes.getLength(); i++) {
            var options = new XmlOptions().setDocumentSourceName(WSDL.toUri().toString()).setLoadLineNumbers();
            parsed[i] = XmlObject.Factory.parse((Element) nodes.item(i), options);
        }
        return parsed;
    }

    @Test
    void wsdlTypesCompileWithXmlBeansWithoutError() {
        // XmlBeans reports each schema it loads as an INFO message: only errors count.
        assertEquals(List.of(), errors.stream().filter(e -> e.getSeverity() == XmlError.SEVERITY_ERROR)
                .map(XmlError::toString).toList());
        assertNotNull(compiled);
    }

    @Test
    void everyRequestAndResponseElementIsInTheCompiledTypeSystem() {
        assertNotNull(compiled, () -> "schemas did not compile: " + errors);
        List<String> missing = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            for (QName element : List.of(Contract.requestElement(operation), Contract.responseElement(operation))) {
                if (compiled.findElement(element) == null) {
                    missing.add(element.toString());
                }
            }
        }
        assertEquals(List.of(), missing, "elements the WSDL's messages refer to, not found by XmlBeans");
    }

    @Test
    void theCertificateOfOriginIsReachedThroughTheImports() {
        assertNotNull(compiled, () -> "schemas did not compile: " + errors);
        assertNotNull(compiled.findElement(new QName(Contract.CO_NAMESPACE, "CertificateOfOrigin")),
                "co:CertificateOfOrigin not compiled: the import chain from the WSDL did not resolve");
    }
}
