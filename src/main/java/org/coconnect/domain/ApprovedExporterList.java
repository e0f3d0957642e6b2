package org.coconnect.domain;

import java.time.Instant;
import java.util.List;

/** An exporting administration's approved exporters as of a moment: authorised ones and revoked ones. */
public record ApprovedExporterList(String exportingCountry, Instant listedAt, List<ApprovedExporter> exporters)
        implements MessageContent {

    public ApprovedExporterList {
        exporters = List.copyOf(exporters);
    }
}
