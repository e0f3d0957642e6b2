package org.coconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** certificates and inquiries both turn --number, --partner and --limit into the same query parameters. */
class CertificateListFiltersTest {

    @Test
    void certificatesSendsTheGivenFiltersAndLeavesTheOthersOut() {
        var certificates = new CertificatesCommand();
        new CommandLine(certificates).parseArgs("--partner", "ID-DJBC", "--limit", "5");
        assertEquals(query(null, "ID-DJBC", "5"), added(certificates.filters));
    }

    @Test
    void inquiriesAcceptTheSameFilters() {
        var inquiries = new InquiriesCommand();
        new CommandLine(inquiries).parseArgs("--number", "KR-1", "--partner", "KR-KCS");
        assertEquals(query("KR-1", "KR-KCS", null), added(inquiries.filters));
    }

    private static Map<String, String> added(CertificateListFilters filters) {
        var query = new LinkedHashMap<String, String>();
        filters.addTo(query);
        return query;
    }

    private static Map<String, String> query(String number, String partner, String limit) {
        var query = new LinkedHashMap<String, String>();
        query.put("number", number);
        query.put("partner", partner);
        query.put("limit", limit);
        return query;
    }
}
