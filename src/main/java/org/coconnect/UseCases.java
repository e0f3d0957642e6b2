package org.coconnect;

import org.coconnect.exchange.ClaimPreference;
import org.coconnect.exchange.DecideTreatment;
import org.coconnect.exchange.EraseExpiredContent;
import org.coconnect.exchange.ExporterRegistry;
import org.coconnect.exchange.IssueCertificate;
import org.coconnect.exchange.IssueDeclaration;
import org.coconnect.exchange.QueryCertificates;
import org.coconnect.exchange.QueryDeclarations;
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
                       VerifyAtPartner verifyAtPartner, EraseExpiredContent retention) {
}
