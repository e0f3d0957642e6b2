package org.coconnect.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.wsdl.Binding;
import javax.wsdl.BindingOperation;
import javax.wsdl.Definition;
import javax.wsdl.Message;
import javax.wsdl.Operation;
import javax.wsdl.Part;
import javax.wsdl.PortType;
import javax.wsdl.extensions.schema.Schema;
import javax.wsdl.extensions.soap.SOAPBinding;
import javax.wsdl.extensions.soap.SOAPBody;
import javax.wsdl.extensions.soap.SOAPOperation;
import javax.wsdl.factory.WSDLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The WS-I Basic Profile 1.1 rules that can be checked on the WSDL alone (no message on the wire),
 * one test per rule, named after it. Uses wsdl4j, the WSDL reader CXF itself is built on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WsiBasicProfileTest {

    private static final String SOAP11_HTTP = "http://schemas.xmlsoap.org/soap/http";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema";

    Definition wsdl;

    /** The WSDL under test; the legacy CBC profile's WSDL is checked by a subclass. */
    Path wsdlFile() {
        return XmlBeansSchemaCompileTest.WSDL;
    }

    @BeforeAll
    void read() throws Exception {
        var reader = WSDLFactory.newInstance().newWSDLReader();
        reader.setFeature("javax.wsdl.verbose", false);
        wsdl = reader.readWSDL(wsdlFile().toUri().toString());
    }

    @SuppressWarnings("unchecked")
    private static <T> Collection<T> all(java.util.Map<?, ?> map) {
        return (Collection<T>) map.values();
    }

    private Stream<Binding> bindings() {
        return WsiBasicProfileTest.<Binding>all(wsdl.getAllBindings()).stream();
    }

    private Stream<BindingOperation> bindingOperations() {
        return bindings().flatMap(b -> ((List<BindingOperation>) b.getBindingOperations()).stream());
    }

    private static <T> List<T> extensions(List<?> elements, Class<T> type) {
        return elements.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private List<SOAPBody> soapBodies() {
        List<SOAPBody> bodies = new ArrayList<>();
        bindingOperations().forEach(op -> {
            bodies.addAll(extensions(op.getBindingInput().getExtensibilityElements(), SOAPBody.class));
            bodies.addAll(extensions(op.getBindingOutput().getExtensibilityElements(), SOAPBody.class));
        });
        return bodies;
    }

    /** Every push operation and the verify-co lookup (Annex III). */
    static final int OPERATIONS = org.coconnect.domain.Operation.values().length + 1;

    @Test
    void wsdlDescribesEveryOperation() {
        // Guards the other tests against passing on an empty or unread WSDL.
        assertEquals(OPERATIONS, bindingOperations().count());
    }

    /** R2401: every binding is a WSDL 1.1 SOAP binding, R2702: over the SOAP/HTTP transport. */
    @Test
    void r2401AndR2702EveryBindingIsSoap11OverHttp() {
        bindings().forEach(b -> {
            List<SOAPBinding> soap = extensions(b.getExtensibilityElements(), SOAPBinding.class);
            assertEquals(1, soap.size(), b.getQName() + " has no soap:binding");
            assertEquals(SOAP11_HTTP, soap.get(0).getTransportURI(), b.getQName() + " transport");
        });
    }

    /** R2705: one style per binding; ours is document everywhere, on soap:binding and soap:operation alike. */
    @Test
    void r2705EveryBindingIsDocumentStyle() {
        bindings().forEach(b -> assertEquals("document",
                extensions(b.getExtensibilityElements(), SOAPBinding.class).get(0).getStyle(), b.getQName().toString()));
        bindingOperations().flatMap(op -> extensions(op.getExtensibilityElements(), SOAPOperation.class).stream())
                .filter(o -> o.getStyle() != null)
                .forEach(o -> assertEquals("document", o.getStyle(), "soap:operation style"));
    }

    /** R2706: soap:body is use="literal" (never encoded), R2716: with no encodingStyle in a document binding. */
    @Test
    void r2706AndR2716EverySoapBodyIsLiteralWithoutEncoding() {
        List<SOAPBody> bodies = soapBodies();
        assertEquals(2 * OPERATIONS, bodies.size(), "an input and an output soap:body per operation");
        bodies.forEach(body -> {
            assertEquals("literal", body.getUse());
            assertEquals(null, body.getEncodingStyles(), "encodingStyle on a literal body");
        });
    }

    /** R2201: a document-literal message has at most one part, R2204: and it names an element, not a type. */
    @Test
    void r2201AndR2204EveryMessageHasOnePartReferringToAnElement() {
        Collection<Message> messages = all(wsdl.getMessages());
        assertEquals(2 * OPERATIONS, messages.size());
        for (Message message : messages) {
            List<Part> parts = message.getOrderedParts(null);
            assertEquals(1, parts.size(), message.getQName() + " parts");
            assertFalse(parts.get(0).getElementName() == null, message.getQName() + " part must use element=");
            assertEquals(null, parts.get(0).getTypeName(), message.getQName() + " part must not use type=");
        }
    }

    /** R2304: operation names are distinct; we keep them unique across all port types, as SoapUI lists them flat. */
    @Test
    void r2304OperationNamesAreUnique() {
        List<String> names = WsiBasicProfileTest.<PortType>all(wsdl.getPortTypes()).stream()
                .flatMap(pt -> ((List<Operation>) pt.getOperations()).stream()).map(Operation::getName).toList();
        assertEquals(names.size(), new HashSet<>(names).size(), () -> "duplicate operation names in " + names);
    }

    /** R2710: operations have distinct wire signatures: each request's body element is unique. */
    @Test
    void r2710EveryOperationHasItsOwnRequestElement() {
        List<String> elements = WsiBasicProfileTest.<PortType>all(wsdl.getPortTypes()).stream()
                .flatMap(pt -> ((List<Operation>) pt.getOperations()).stream())
                .map(op -> op.getInput().getMessage().getOrderedParts(null))
                .map(parts -> ((Part) parts.get(0)).getElementName().toString()).toList();
        assertEquals(elements.size(), new HashSet<>(elements).size(), () -> "shared request elements in " + elements);
    }

    /** R2718: a binding has the same set of operations as its port type. */
    @Test
    void r2718EveryBindingCoversExactlyItsPortTypesOperations() {
        bindings().forEach(b -> {
            Function<List<?>, Set<String>> names = ops -> new HashSet<>(ops.stream()
                    .map(o -> o instanceof Operation op ? op.getName() : ((BindingOperation) o).getName()).toList());
            assertEquals(names.apply(b.getPortType().getOperations()), names.apply(b.getBindingOperations()),
                    b.getQName().toString());
        });
    }

    /** R2003: xs:import appears only inside xs:schema of wsdl:types, R2105: a schema without targetNamespace only imports. */
    @Test
    void r2003AndR2105SchemasInTypesOnlyImportOrDeclareATargetNamespace() {
        List<Schema> schemas = extensions(wsdl.getTypes().getExtensibilityElements(), Schema.class);
        assertFalse(schemas.isEmpty(), "wsdl:types holds no xs:schema");
        for (Schema schema : schemas) {
            Element element = schema.getElement();
            if (!element.getAttribute("targetNamespace").isEmpty()) {
                continue;
            }
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e) {
                    assertEquals(XSD, e.getNamespaceURI());
                    assertFalse(!"import".equals(e.getLocalName()) && !"annotation".equals(e.getLocalName()),
                            "schema without targetNamespace declares " + e.getLocalName());
                }
            }
        }
    }

    /** Not a Basic Profile rule but what testers rely on: every soap:operation names its own soapAction. */
    @Test
    void everySoapActionIsPresentAndUnique() {
        List<String> actions = bindingOperations()
                .flatMap(op -> extensions(op.getExtensibilityElements(), SOAPOperation.class).stream())
                .map(SOAPOperation::getSoapActionURI).toList();
        assertEquals(OPERATIONS, actions.size());
        assertFalse(actions.stream().anyMatch(a -> a == null || a.isBlank()), "empty soapAction");
        assertEquals(OPERATIONS, new HashSet<>(actions).size(), () -> "shared soapAction in " + actions);
    }
}
