package org.coconnect.ws.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.coconnect.Gateway;
import org.coconnect.support.TwoGateways;
import org.coconnect.ws.SecureXml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The whole CO over real HTTP: the importing customs see every data element of a received CO (JSON and the XML as
 * received), its state history, the claim, the decision and every message about it; the issuing side the same.
 */
class WholeCertificateIT {

    @RegisterExtension
    static final TwoGateways gateways = new TwoGateways();
    static Gateway kr;
    static Gateway id;
    static LocalHttp krHttp;
    static LocalHttp idHttp;

    @BeforeAll
    static void story() {
        kr = gateways.kr();
        id = gateways.id();
        krHttp = new LocalHttp(kr);
        idHttp = new LocalHttp(id);
        assertEquals(201, krHttp.postXml("/certificates", LocalInterfaceIT.certificateXml("KR-WHOLE-1")).status());
        kr.deliverDue();
        assertEquals(201, idHttp.postJson("/claims", "{\"issuingCountry\": \"KR\", \"certificateNumber\": \"KR-WHOLE-1\","
                + " \"declarationNumber\": \"ID-DECL-WHOLE\"}").status());
        assertEquals(202, idHttp.postJson("/certificates/KR/KR-WHOLE-1/1/treatment",
                "{\"decision\": \"GRANTED\"}").status());
        id.deliverDue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> whole(LocalHttp http, String path) {
        var reply = http.get(path);
        assertEquals(200, reply.status(), reply.body());
        return (Map<String, Object>) reply.json();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> firstVersion(Map<String, Object> whole) {
        return (Map<String, Object>) ((List<?>) whole.get("versions")).get(0);
    }

    @Test
    void theImportingCustomsSeeEveryDataElementAsJsonAndTheXmlAsReceived() throws Exception {
        var version = firstVersion(whole(idHttp, "/certificates/KR/KR-WHOLE-1"));
        String xml = (String) version.get("xml");

        assertTrue(xml.contains("KR-WHOLE-1"), xml);
        var document = SecureXml.documentBuilder().parse(new InputSource(new StringReader(xml)));
        Element co = (Element) document.getElementsByTagNameNS("*", "CertificateOfOrigin").item(0);
        List<String> xmlLeaves = new java.util.ArrayList<>();
        leaves(co, xmlLeaves);
        List<String> jsonLeaves = new java.util.ArrayList<>();
        jsonLeaves(((Map<?, ?>) version.get("content")).get("CertificateOfOrigin"), jsonLeaves);
        assertTrue(xmlLeaves.size() > 20, "a full CO: " + xmlLeaves.size());
        assertEquals(xmlLeaves, jsonLeaves);
    }

    @Test
    void theImportingSideSeesTheHistoryTheClaimTheDecisionAndTheMessages() {
        var whole = whole(idHttp, "/certificates/KR/KR-WHOLE-1");
        var version = firstVersion(whole);

        assertEquals("IMPORT", whole.get("side"));
        List<?> states = ((List<?>) version.get("stateHistory")).stream().map(h -> ((Map<?, ?>) h).get("state")).toList();
        assertEquals("RECEIVED", states.get(0), states.toString());
        assertEquals(version.get("status"), states.get(states.size() - 1), states.toString());
        assertTrue(states.size() >= 3, "received, claimed, decided: " + states);
        assertEquals("ID-DECL-WHOLE", version.get("declarationNumber"));
        assertEquals("GRANTED", version.get("treatmentDecision"));
        assertEquals(List.of("INBOUND send-co", "OUTBOUND send-feedback"), operations(whole));
    }

    @Test
    void theIssuingSideSeesWhatItIssuedTheSameWay() {
        var whole = whole(krHttp, "/certificates/KR/KR-WHOLE-1?side=export");
        var version = firstVersion(whole);

        assertEquals("EXPORT", whole.get("side"));
        assertTrue(((String) version.get("xml")).contains("KR-WHOLE-1"));
        assertTrue(((Map<?, ?>) version.get("content")).containsKey("CertificateOfOrigin"));
        assertEquals("ISSUED", ((Map<?, ?>) ((List<?>) version.get("stateHistory")).get(0)).get("state"));
        assertEquals(List.of("INBOUND send-feedback", "OUTBOUND send-co"), operations(whole));
    }

    @Test
    void aCoNotHeldIs404WithItsCode() {
        ProblemDocumentIT.assertProblem(idHttp.get("/certificates/KR/KR-NEVER-SENT"), 404, "CC-5005");
    }

    static List<String> operations(Map<String, Object> whole) {
        return ((List<?>) whole.get("messages")).stream().map(m -> (Map<?, ?>) m)
                .map(m -> m.get("direction") + " " + m.get("operation")).sorted().toList();
    }

    static void leaves(Element element, List<String> out) {
        boolean parent = false;
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                parent = true;
                leaves(child, out);
            }
        }
        if (!parent) {
            out.add(element.getTextContent());
        }
    }

    static void jsonLeaves(Object value, List<String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (!k.toString().startsWith("@")) {
                    jsonLeaves(v, out);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(v -> jsonLeaves(v, out));
        } else {
            out.add(String.valueOf(value));
        }
    }
}
