package org.coconnect.ws;

import java.time.LocalDate;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.coconnect.domain.ApprovedExporter;
import org.coconnect.domain.ApprovedExporterList;
import org.coconnect.domain.DeclarationGoodsItem;
import org.coconnect.domain.DeclarationOfOrigin;
import org.coconnect.domain.ExporterStatus;
import org.coconnect.ws.generated.codes.country.CountryCodeType;
import org.coconnect.ws.generated.declaration.ApprovedExporterEntryType;
import org.coconnect.ws.generated.declaration.ApprovedExporterListType;
import org.coconnect.ws.generated.declaration.ApprovedExporterStatusType;
import org.coconnect.ws.generated.declaration.DeclarationGoodsItemType;
import org.coconnect.ws.generated.declaration.DeclarationOfOriginType;

/** Maps the DO schema's generated types to the domain and back; generated types go no further than ws. */
public final class DeclarationMapper {

    private static final DatatypeFactory DATATYPES = datatypeFactory();

    private DeclarationMapper() {
    }

    public static DeclarationOfOrigin declaration(DeclarationOfOriginType d) {
        var invoice = d.getInvoice();
        return new DeclarationOfOrigin(d.getDeclarationNumber(), d.getExportingCountryCode().value(),
                d.getImportingCountryCode().value(), d.getAgreementCode(), date(d.getDeclarationDate()),
                d.getExporter().getIdentifier(), d.getExporter().getName(), d.getExporter().getAuthorisationCode(),
                d.getImporter().getName(), invoice == null ? null : invoice.getNumber(),
                invoice == null || invoice.getDate() == null ? null : date(invoice.getDate()),
                d.getGoodsItem().stream().map(DeclarationMapper::goodsItem).toList(), d.getStatementOfOrigin(),
                d.getPlace(), d.getSignatory());
    }

    private static DeclarationGoodsItem goodsItem(DeclarationGoodsItemType item) {
        var quantity = item.getQuantity();
        return new DeclarationGoodsItem(item.getSequenceNumber().intValueExact(), item.getClassification().getCode(),
                item.getDescription(), quantity == null ? null : quantity.getValue(),
                quantity == null ? null : quantity.getUnitCode(), item.getOrigin().getCountryCode().value(),
                item.getOrigin().getOriginCriterion());
    }

    public static ApprovedExporterList list(ApprovedExporterListType l) {
        return new ApprovedExporterList(l.getExportingCountryCode().value(), InboundMapper.instant(l.getListDateTime()),
                l.getApprovedExporter().stream().map(e -> new ApprovedExporter(e.getIdentifier(), e.getName(),
                        ExporterStatus.valueOf(e.getStatus().value()), e.getAuthorisationCode(), date(e.getValidFrom()),
                        e.getRevokedOn() == null ? null : date(e.getRevokedOn()), null)).toList());
    }

    public static ApprovedExporterListType list(ApprovedExporterList list) {
        var t = new ApprovedExporterListType();
        t.setExportingCountryCode(CountryCodeType.fromValue(list.exportingCountry()));
        t.setListDateTime(AcknowledgementMapper.calendar(list.listedAt()));
        for (ApprovedExporter e : list.exporters()) {
            var entry = new ApprovedExporterEntryType();
            entry.setIdentifier(e.id());
            entry.setName(e.name());
            entry.setAuthorisationCode(e.authorisationCode());
            entry.setStatus(ApprovedExporterStatusType.fromValue(e.status().name()));
            entry.setValidFrom(calendar(e.validFrom()));
            entry.setRevokedOn(e.revokedOn() == null ? null : calendar(e.revokedOn()));
            t.getApprovedExporter().add(entry);
        }
        return t;
    }

    static LocalDate date(XMLGregorianCalendar c) {
        return LocalDate.of(c.getYear(), c.getMonth(), c.getDay());
    }

    static XMLGregorianCalendar calendar(LocalDate date) {
        return DATATYPES.newXMLGregorianCalendarDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }

    private static DatatypeFactory datatypeFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
