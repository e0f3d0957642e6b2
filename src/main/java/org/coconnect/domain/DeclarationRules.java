package org.coconnect.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.coconnect.error.ErrorCode;

/** Business rules for a Declaration of Origin and an approved-exporter list, beyond the schema. All problems are collected. */
public final class DeclarationRules {

    /** Where a received DO sits in its send-do payload. */
    public static final String DO = "/m:send-do/do:DeclarationOfOrigin";
    private static final String LIST = "/m:send-approved-exporters/do:ApprovedExporterList";
    /** The earliest time zone: a date is in the future only once it has begun nowhere on earth. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private DeclarationRules() {
    }

    public static List<Problem> check(DeclarationOfOrigin d, AdministrationId sender, AdministrationId self, Instant now,
                                      Duration allowedSkew) {
        var problems = new ArrayList<Problem>();
        LocalDate latest = LocalDate.ofInstant(now.plus(allowedSkew), EARLIEST_ZONE);
        if (d.declarationDate().isAfter(latest)) {
            problems.add(Problem.error(ErrorCode.DATE_IN_FUTURE, "Declaration date " + d.declarationDate()
                    + " lies in the future.", DO + "/do:DeclarationDate"));
        }
        if (d.invoiceDate() != null && d.invoiceDate().isAfter(latest)) {
            problems.add(Problem.error(ErrorCode.DATE_IN_FUTURE, "Invoice date " + d.invoiceDate() + " lies in the future.",
                    DO + "/do:Invoice/co:Date"));
        }
        if (!d.exportingCountry().equals(sender.countryCode())) {
            problems.add(Problem.error(ErrorCode.ISSUING_COUNTRY_MISMATCH, "Exporting country " + d.exportingCountry()
                    + " is not the sender's country " + sender.countryCode() + ".", DO + "/do:ExportingCountryCode"));
        }
        if (!d.importingCountry().equals(self.countryCode())) {
            problems.add(Problem.error(ErrorCode.IMPORTING_COUNTRY_MISMATCH, "Importing country " + d.importingCountry()
                    + " is not " + self.countryCode() + ".", DO + "/do:ImportingCountryCode"));
        }
        for (int i = 0; i < d.goodsItems().size(); i++) {
            int actual = d.goodsItems().get(i).sequenceNumber();
            if (actual != i + 1) {
                problems.add(Problem.error(ErrorCode.GOODS_ITEM_NUMBERING, "Goods item at position " + (i + 1)
                        + " has sequence number " + actual + "; expected " + (i + 1) + ".",
                        DO + "/do:GoodsItem[" + (i + 1) + "]/do:SequenceNumber"));
            }
        }
        return problems;
    }

    public static List<Problem> check(ApprovedExporterList list, AdministrationId sender, Instant now, Duration allowedSkew) {
        var problems = new ArrayList<Problem>();
        if (list.listedAt().isAfter(now.plus(allowedSkew))) {
            problems.add(Problem.error(ErrorCode.DATE_IN_FUTURE, "List date/time " + list.listedAt()
                    + " lies in the future.", LIST + "/do:ListDateTime"));
        }
        if (!list.exportingCountry().equals(sender.countryCode())) {
            problems.add(Problem.error(ErrorCode.ISSUING_COUNTRY_MISMATCH, "Exporting country " + list.exportingCountry()
                    + " is not the sender's country " + sender.countryCode() + ".", LIST + "/do:ExportingCountryCode"));
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < list.exporters().size(); i++) {
            ApprovedExporter e = list.exporters().get(i);
            String at = LIST + "/do:ApprovedExporter[" + (i + 1) + "]";
            if (!seen.add(e.id())) {
                problems.add(Problem.error(ErrorCode.SCHEMA_INVALID, "Exporter " + e.id() + " is listed twice.",
                        at + "/do:Identifier"));
            }
            boolean revoked = e.status() == ExporterStatus.REVOKED;
            if (revoked != (e.revokedOn() != null) || revoked && !e.revokedOn().isAfter(e.validFrom())) {
                problems.add(Problem.error(ErrorCode.SCHEMA_INVALID, "Exporter " + e.id() + ": a REVOKED entry needs a"
                        + " revocation date after ValidFrom, an AUTHORISED entry none.", at + "/do:RevokedOn"));
            }
        }
        return problems;
    }
}
