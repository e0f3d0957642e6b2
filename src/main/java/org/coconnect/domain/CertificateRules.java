package org.coconnect.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coconnect.error.ErrorCode;

/** Business rules for a received CO, beyond what the schema can say. All problems are collected. */
public final class CertificateRules {

    private static final String CO = "/m:send-co/co:CertificateOfOrigin";

    private CertificateRules() {
    }

    public static List<Problem> check(CertificateOfOrigin co, AdministrationId sender, AdministrationId self,
                                      Instant now, Duration allowedSkew) {
        var problems = new ArrayList<Problem>();
        if (co.operationMode() == OperationMode.DELETE) {
            // A CO is withdrawn through the amendment lifecycle (send-amendment-notification), which lets the
            // importing side decline when the CO was already used; a DELETE would bypass that answer.
            problems.add(Problem.error(ErrorCode.OPERATION_MODE_DELETE_REFUSED,
                    "Operation mode DELETE is not accepted: withdraw a CO with send-amendment-notification.",
                    CO + "/co:OperationMode"));
        }
        if (co.issuedAt().isAfter(now.plus(allowedSkew))) {
            problems.add(Problem.error(ErrorCode.DATE_IN_FUTURE,
                    "Issue date/time " + co.issuedAt() + " lies in the future.", CO + "/co:IssueDateTime"));
        }
        if (!co.reference().issuingCountry().equals(sender.countryCode())) {
            problems.add(Problem.error(ErrorCode.ISSUING_COUNTRY_MISMATCH,
                    "Issuing country " + co.reference().issuingCountry() + " is not the sender's country "
                            + sender.countryCode() + ".", CO + "/co:IssuingAuthority/co:CountryCode"));
        }
        if (!co.importingCountry().equals(self.countryCode())) {
            problems.add(Problem.error(ErrorCode.IMPORTING_COUNTRY_MISMATCH,
                    "Importing country " + co.importingCountry() + " is not " + self.countryCode() + ".",
                    CO + "/co:ImportingCountryCode"));
        }
        checkNumbering(co.goodsItems(), problems);
        checkOrigins(co, problems);
        return problems;
    }

    private static void checkNumbering(List<GoodsItem> items, List<Problem> problems) {
        for (int i = 0; i < items.size(); i++) {
            int expected = i + 1;
            int actual = items.get(i).sequenceNumber();
            if (actual != expected) {
                problems.add(Problem.error(ErrorCode.GOODS_ITEM_NUMBERING,
                        "Goods item at position " + expected + " has sequence number " + actual + "; expected " + expected + ".",
                        CO + "/co:Consignment/co:GoodsItem[" + expected + "]/co:SequenceNumber"));
            }
        }
    }

    private static void checkOrigins(CertificateOfOrigin co, List<Problem> problems) {
        // Allowed (cumulation, third-country materials), but worth an importing officer's attention.
        for (int i = 0; i < co.goodsItems().size(); i++) {
            GoodsItem item = co.goodsItems().get(i);
            if (!item.originCountry().equals(co.reference().issuingCountry())) {
                problems.add(Problem.warning(ErrorCode.ORIGIN_COUNTRY_DIFFERS,
                        "Goods item " + item.sequenceNumber() + " originates in " + item.originCountry()
                                + ", not in the issuing country.",
                        CO + "/co:Consignment/co:GoodsItem[" + (i + 1) + "]/co:Origin/co:CountryCode"));
            }
        }
    }
}
