package org.coconnect.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The filters the list commands {@code certificates}, {@code inquiries} and {@code journal} share, as local interface
 * query parameters.
 */
final class CertificateListFilters {

    @Option(names = "--number", description = "CO number (for the journal: the CO the message is about).")
    private String number;

    @Option(names = "--partner", description = "Partner ID, e.g. KR-KCS or ID-DJBC.")
    private String partner;

    @Option(names = "--limit", description = "At most this many, 1-1000 (default: 100).")
    private Integer limit;

    /** Adds the given filters to the query; one left out stays absent, so the gateway applies its default. */
    void addTo(Map<String, String> query) {
        query.put("number", number);
        query.put("partner", partner);
        query.put("limit", limit == null ? null : limit.toString());
    }
}
