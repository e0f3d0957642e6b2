package org.coconnect.ws.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coconnect.domain.ApprovedExporter;
import org.coconnect.domain.DeclarationGoodsItem;
import org.coconnect.domain.DeclarationOfOrigin;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.IssueDeclaration;
import org.coconnect.exchange.QueryDeclarations;
import org.coconnect.ws.DeclarationReader;

/** The local interface's Annex IV endpoints: each validates its request in full, then calls one use case. */
final class DeclarationEndpoints {

    private final LocalOperations.DeclarationOperations operations;

    DeclarationEndpoints(LocalOperations.DeclarationOperations operations) {
        this.operations = operations;
    }

    /** GET /exporters: the approved-exporter register. */
    LocalResponse exporters(LocalRequest request) {
        RequestFields.query(request.query(Set.of())).check();
        return LocalResponse.of(200, Map.of("exporters",
                operations.exporters().list().stream().map(DeclarationEndpoints::exporter).toList()));
    }

    /** POST /exporters {"exporterId", "name"}: an exporter applies (A.1). */
    LocalResponse register(LocalRequest request) {
        var fields = RequestFields.body(request.jsonBody(), Set.of("exporterId", "name"));
        String id = fields.identifier("exporterId", true);
        String name = fields.text("name", true);
        fields.check();
        return LocalResponse.of(201, exporter(operations.exporters().register(id, name)));
    }

    /** POST /exporters/{id}/authorisation, /denial or /revocation. */
    LocalResponse change(LocalRequest request, String exporterId, String change) {
        ApprovedExporter changed = switch (change) {
            case "authorisation" -> {
                var fields = RequestFields.body(request.jsonBody(), Set.of("authorisationCode", "validFrom"));
                String code = fields.identifier("authorisationCode", true);
                var from = fields.date("validFrom");
                fields.check();
                yield operations.exporters().authorise(exporterId, code, from);
            }
            case "denial" -> {
                var fields = RequestFields.body(request.jsonBody(), Set.of("reason"));
                String reason = fields.text("reason", true);
                fields.check();
                yield operations.exporters().deny(exporterId, reason);
            }
            case "revocation" -> {
                var fields = RequestFields.body(request.jsonBody(), Set.of("revokedOn", "reason"));
                var on = fields.date("revokedOn");
                String reason = fields.text("reason", true);
                fields.check();
                yield operations.exporters().revoke(exporterId, on, reason);
            }
            default -> throw new LocalApiException(404, ErrorCode.LOCAL_BAD_REQUEST, "There is no resource POST /exporters/"
                    + exporterId + "/" + change + "; use authorisation, denial or revocation.");
        };
        return LocalResponse.of(200, exporter(changed));
    }

    /** POST /exporter-list: queue the current list to every partner now. */
    LocalResponse push(LocalRequest request) {
        RequestFields.query(request.query(Set.of())).check();
        return LocalResponse.of(202, Map.of("messageIds", operations.exporters().push()));
    }

    /** POST /declarations: a DO (XML) made by an approved exporter, checked against the register and queued. */
    LocalResponse issue(LocalRequest request) {
        DeclarationReader.Read read = DeclarationReader.read(request.xmlBody());
        IssueDeclaration.Issued issued = operations.issue().issue(read.declaration(), read.xml());
        var json = new LinkedHashMap<String, Object>();
        json.put("declaration", issued.number());
        json.put("partner", issued.partnerId());
        json.put("messageId", issued.messageId());
        return LocalResponse.of(201, json);
    }

    /** GET /declarations/{number}: A.15, every DO with this number and its check against the exporter list. */
    LocalResponse show(LocalRequest request, String number) {
        RequestFields.query(request.query(Set.of())).check();
        List<QueryDeclarations.DeclarationView> found = operations.query().find(number);
        return LocalResponse.of(200, Map.of("declarations", found.stream().map(DeclarationEndpoints::declaration).toList()));
    }

    private static Map<String, Object> exporter(ApprovedExporter e) {
        var json = new LinkedHashMap<String, Object>();
        json.put("exporterId", e.id());
        json.put("name", e.name());
        json.put("status", e.status().name());
        json.put("authorisationCode", e.authorisationCode());
        json.put("validFrom", e.validFrom());
        json.put("revokedOn", e.revokedOn());
        json.put("reason", e.reason());
        return json;
    }

    private static Map<String, Object> declaration(QueryDeclarations.DeclarationView v) {
        DeclarationOfOrigin d = v.declaration();
        var json = new LinkedHashMap<String, Object>();
        json.put("declaration", d.number());
        json.put("side", v.side());
        json.put("partner", v.partnerId());
        json.put("storedAt", v.storedAt());
        json.put("exportingCountry", d.exportingCountry());
        json.put("importingCountry", d.importingCountry());
        json.put("agreementCode", d.agreementCode());
        json.put("declarationDate", d.declarationDate());
        json.put("exporterId", d.exporterId());
        json.put("exporterName", d.exporterName());
        json.put("authorisationCode", d.authorisationCode());
        json.put("importerName", d.importerName());
        json.put("invoiceNumber", d.invoiceNumber());
        json.put("invoiceDate", d.invoiceDate());
        json.put("goodsItems", d.goodsItems().stream().map(DeclarationEndpoints::goodsItem).toList());
        json.put("statementOfOrigin", d.statementOfOrigin());
        json.put("place", d.place());
        json.put("signatory", d.signatory());
        json.put("check", v.checkResult());
        json.put("checkText", v.refusal().map(p -> p.text()).orElse(null));
        json.put("exporterStatus", v.exporterStatus());
        return json;
    }

    private static Map<String, Object> goodsItem(DeclarationGoodsItem item) {
        var json = new LinkedHashMap<String, Object>();
        json.put("sequenceNumber", item.sequenceNumber());
        json.put("hsCode", item.hsCode());
        json.put("description", item.description());
        json.put("quantity", item.quantity() == null ? null : item.quantity().toPlainString());
        json.put("unitCode", item.unitCode());
        json.put("originCountry", item.originCountry());
        json.put("originCriterion", item.originCriterion());
        return json;
    }
}
