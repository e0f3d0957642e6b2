package org.coconnect;

import java.time.Clock;
import org.coconnect.audit.AuditLog;
import org.coconnect.config.GatewayConfig;
import org.coconnect.exchange.Outgoing;
import org.coconnect.exchange.RemoteVerification;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.persistence.Database;
import org.coconnect.exchange.ClaimPreference;
import org.coconnect.exchange.DecideTreatment;
import org.coconnect.exchange.EraseExpiredContent;
import org.coconnect.exchange.ExporterRegistry;
import org.coconnect.exchange.IssueCertificate;
import org.coconnect.exchange.IssueDeclaration;
import org.coconnect.exchange.QueryCertificates;
import org.coconnect.exchange.QueryDeclarations;
import org.coconnect.exchange.Notifications;
import org.coconnect.exchange.QueryDossier;
import org.coconnect.exchange.QueryJournal;
import org.coconnect.exchange.RequestCancellation;
import org.coconnect.exchange.VerificationInquiries;
import org.coconnect.exchange.VerifyAtPartner;
import org.coconnect.exchange.VerifyCertificate;

/** What our own systems, officers and operators can ask of a gateway; each use case built once, at start-up. */
public record UseCases(IssueCertificate issueCertificate, RequestCancellation requestCancellation,
                       ClaimPreference claimPreference, DecideTreatment decideTreatment,
                       QueryCertificates queryCertificates, ExporterRegistry exporterRegistry,
                       IssueDeclaration issueDeclaration, QueryDeclarations queryDeclarations,
                       VerificationInquiries verificationInquiries, VerifyCertificate verifyCertificate,
                       VerifyAtPartner verifyAtPartner, EraseExpiredContent retention, QueryJournal journal,
                       QueryDossier dossier, Notifications notifications) {

    /** Every use case of one gateway, built once over its parts. */
    static UseCases of(GatewayConfig config, Database database, PartnerDirectory partners, Outgoing outgoing,
                       RemoteVerification remote, AuditLog audit, Clock clock) {
        var inquiries = new VerificationInquiries(database, partners, outgoing, clock);
        var journal = new QueryJournal(database);
        return new UseCases(new IssueCertificate(database, config.self(), partners, outgoing, clock),
                new RequestCancellation(database, partners, outgoing, clock), new ClaimPreference(database, clock, audit),
                new DecideTreatment(database, partners, outgoing, clock), new QueryCertificates(database),
                new ExporterRegistry(database, config.self(), partners, outgoing, clock),
                new IssueDeclaration(database, config.self(), partners, outgoing, clock), new QueryDeclarations(database),
                inquiries,
                new VerifyCertificate(database, config.self().countryCode(), audit), new VerifyAtPartner(partners, remote),
                new EraseExpiredContent(database, config.retention(), audit, clock), journal,
                new QueryDossier(database, inquiries, journal),
                new Notifications(database, clock, config.localApi().clients()));
    }

    /** What the local interface reads and records beside the use cases. */
    org.coconnect.ws.local.LocalRecords localRecords(AuditLog audit) {
        return new org.coconnect.ws.local.LocalRecords(audit, journal, dossier, notifications);
    }
}
