package org.coconnect.ws.local;

import java.util.function.Supplier;
import org.coconnect.exchange.Alerts;
import org.coconnect.exchange.ClaimPreference;
import org.coconnect.exchange.DecideTreatment;
import org.coconnect.exchange.IssueCertificate;
import org.coconnect.exchange.Outbox;
import org.coconnect.exchange.QueryCertificates;
import org.coconnect.exchange.RequestCancellation;
import org.coconnect.exchange.VerificationInquiries;
import org.coconnect.monitoring.Health;

/** The use cases the local interface drives, handed over by the gateway's wiring. */
public record LocalOperations(IssueCertificate issue, RequestCancellation cancellation, ClaimPreference claims,
                              DecideTreatment treatment, QueryCertificates query, Outbox outbox,
                              Supplier<Health> health, Supplier<String> metrics, Alerts alerts,
                              PartnerLookup verification, DeclarationOperations declarations,
                              VerificationInquiries inquiries, LocalRecords records) {

    /** Annex IV: the approved-exporter register, issuing DOs and looking them up. */
    public record DeclarationOperations(org.coconnect.exchange.ExporterRegistry exporters,
                                        org.coconnect.exchange.IssueDeclaration issue,
                                        org.coconnect.exchange.QueryDeclarations query) {
    }
}
