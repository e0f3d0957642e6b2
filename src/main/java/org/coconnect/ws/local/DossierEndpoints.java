package org.coconnect.ws.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.QueryDossier;
import org.coconnect.exchange.RejectionException;

/** GET /certificates/{country}/{number}: the whole CO, every version, its history, content, claims, inquiries, messages. */
final class DossierEndpoints {

    private final QueryDossier dossiers;

    DossierEndpoints(QueryDossier dossiers) {
        this.dossiers = dossiers;
    }

    LocalResponse find(LocalRequest request, String country, String number) {
        var path = RequestFields.path(List.of(country, number, "1"));
        String issuingCountry = path.country("country");
        String coNumber = path.identifier("number", true);
        path.check();
        var fields = RequestFields.query(request.query(Set.of("side")));
        CertificateSide side = fields.choice("side", CertificateSide.class, false);
        fields.check();
        var dossier = dossiers.find(side, issuingCountry, coNumber).orElseThrow(() -> new RejectionException(
                Problem.error(ErrorCode.UNKNOWN_CERTIFICATE, "No CO " + issuingCountry + ":" + coNumber + " is held here"
                        + (side == null ? "." : " on the " + side + " side."), null)));
        var json = new LinkedHashMap<String, Object>();
        json.put("side", dossier.side());
        json.put("issuingCountry", dossier.issuingCountry());
        json.put("number", dossier.number());
        json.put("versions", dossier.versions().stream().map(DossierEndpoints::version).toList());
        json.put("pendingClaims", dossier.pendingClaims().stream().map(c -> Map.of("declarationNumber",
                c.declarationNumber(), "claimedAt", c.claimedAt())).toList());
        json.put("inquiries", dossier.inquiries().stream().map(i -> Representations.inquiry(i, false)).toList());
        json.put("messages", dossier.messages().stream().map(JournalEndpoints::entry).toList());
        return LocalResponse.of(200, json);
    }

    private static Map<String, Object> version(QueryDossier.Version v) {
        var json = Representations.certificate(v.certificate());
        json.put("stateHistory", v.history().stream().map(h -> Map.of("state", h.state(), "at", h.at())).toList());
        json.put("content", v.xml().flatMap(XmlAsJson::certificate).orElse(null));
        json.put("xml", v.xml().orElse(null));
        return json;
    }
}
