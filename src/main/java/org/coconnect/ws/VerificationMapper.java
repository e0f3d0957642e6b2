package org.coconnect.ws;

import java.math.BigInteger;
import java.util.Optional;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateVerification;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.VerificationStatus;
import org.coconnect.ws.generated.codes.country.CountryCodeType;
import org.coconnect.ws.generated.messages.CertificateReferenceType;
import org.coconnect.ws.generated.messages.VerificationOutcomeType;
import org.coconnect.ws.generated.messages.VerificationStatusType;
import org.coconnect.ws.generated.messages.VerifiedCertificateType;
import org.coconnect.ws.generated.messages.VerifyCoRequestType;
import org.coconnect.ws.generated.messages.VerifyCoResponseType;

/** Maps the verify-co lookup between its generated types and the domain; generated types go no further. */
public final class VerificationMapper {

    private static final int FREE_TEXT_MAX = 2048;

    private VerificationMapper() {
    }

    public static VerifyCoRequestType request(MessageHeader header, String issuingCountry, String number, String code) {
        var request = new VerifyCoRequestType();
        request.setMessageHeader(AcknowledgementMapper.toHeader(header));
        request.setIssuingCountryCode(CountryCodeType.fromValue(issuingCountry));
        request.setCertificateNumber(number);
        request.setReferenceCode(code);
        return request;
    }

    /** FOUND with the CO's data, or NOT_FOUND with nothing else: an unknown number and a wrong code read alike. */
    public static VerifyCoResponseType response(MessageHeader header, Optional<CertificateVerification> found) {
        var response = new VerifyCoResponseType();
        response.setMessageHeader(AcknowledgementMapper.toHeader(header));
        response.setOutcome(found.isPresent() ? VerificationOutcomeType.FOUND : VerificationOutcomeType.NOT_FOUND);
        found.ifPresent(v -> response.setVerifiedCertificate(certificate(v)));
        return response;
    }

    private static VerifiedCertificateType certificate(CertificateVerification v) {
        var c = new VerifiedCertificateType();
        var ref = new CertificateReferenceType();
        ref.setIssuingCountryCode(CountryCodeType.fromValue(v.reference().issuingCountry()));
        ref.setCertificateNumber(v.reference().number());
        ref.setVersion(BigInteger.valueOf(v.reference().version()));
        c.setCertificateReference(ref);
        c.setStatus(VerificationStatusType.fromValue(v.status().name()));
        c.setLatestVersion(BigInteger.valueOf(v.latestVersion()));
        c.setIssueDateTime(AcknowledgementMapper.calendar(v.issuedAt()));
        c.setImportingCountryCode(CountryCodeType.fromValue(v.importingCountry()));
        c.setExporterName(text(v.exporterName()));
        c.setImporterName(text(v.importerName()));
        c.setAgreementCode(v.agreementCode());
        c.setGoodsItemCount(BigInteger.valueOf(v.goodsItemCount()));
        c.setCancellationReason(text(v.cancellationReason()));
        return c;
    }

    /** The partner's answer as the domain sees it; empty for NOT_FOUND. */
    public static Optional<CertificateVerification> fromResponse(VerifyCoResponseType response) {
        VerifiedCertificateType c = response.getVerifiedCertificate();
        if (response.getOutcome() != VerificationOutcomeType.FOUND || c == null) {
            return Optional.empty();
        }
        var ref = c.getCertificateReference();
        return Optional.of(new CertificateVerification(new CertificateReference(ref.getIssuingCountryCode().value(),
                ref.getCertificateNumber(), ref.getVersion().intValueExact()), VerificationStatus.valueOf(c.getStatus().value()),
                c.getLatestVersion().intValueExact(), InboundMapper.instant(c.getIssueDateTime()), c.getImportingCountryCode().value(),
                c.getExporterName(), c.getImporterName(), c.getAgreementCode(), c.getGoodsItemCount().intValueExact(),
                c.getCancellationReason()));
    }

    private static String text(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return value.length() > FREE_TEXT_MAX ? value.substring(0, FREE_TEXT_MAX) : value;
    }
}
