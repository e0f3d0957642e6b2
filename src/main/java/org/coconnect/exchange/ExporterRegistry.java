package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.ApprovedExporter;
import org.coconnect.domain.ApprovedExporterList;
import org.coconnect.domain.ExporterRegistryException;
import org.coconnect.domain.ExporterStatus;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.persistence.ApprovedExporterEntity;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.DeclarationStore;

/**
 * The exporting side's approved-exporter register (framework Annex IV, P.1): register (A.1),
 * authorise with a code (A.3, A.4), deny (A.5), revoke. A change that alters the list partners hold
 * queues the whole list to every partner in the same transaction, so the list they check DOs
 * against never lags behind a committed change.
 */
public final class ExporterRegistry {

    private final Database database;
    private final AdministrationId self;
    private final PartnerDirectory partners;
    private final Outgoing outgoing;
    private final Clock clock;

    public ExporterRegistry(Database database, AdministrationId self, PartnerDirectory partners, Outgoing outgoing,
                            Clock clock) {
        this.database = database;
        this.self = self;
        this.partners = partners;
        this.outgoing = outgoing;
        this.clock = clock;
    }

    /** A1: an exporter applies; it is APPLIED until the approving authority decides. */
    public ApprovedExporter register(String exporterId, String name) {
        return database.inTransaction(em -> {
            if (DeclarationStore.exporterForUpdate(em, exporterId).isPresent()) {
                throw new RejectionException(Problem.error(ErrorCode.EXPORTER_EXISTS,
                        "Exporter " + exporterId + " is already registered.", null));
            }
            ApprovedExporter exporter;
            try {
                exporter = ApprovedExporter.applied(exporterId, name);
            } catch (ExporterRegistryException e) {
                throw new RejectionException(e.problem());
            }
            em.persist(new ApprovedExporterEntity(exporter, clock.instant()));
            outgoing.changes().record(em, null, null, "exporter " + exporterId + " registered");
            return exporter;
        });
    }

    /** A.3/A.4: approved with an authorisation code from a date; partners get the new list. */
    public ApprovedExporter authorise(String exporterId, String code, LocalDate validFrom) {
        return change(exporterId, e -> e.authorise(code, validFrom), true);
    }

    /** A.5: the application is denied; nothing changes for partners. */
    public ApprovedExporter deny(String exporterId, String reason) {
        return change(exporterId, e -> e.deny(reason), false);
    }

    /** The approval ends from a date on; partners get the new list, which keeps the exporter as REVOKED. */
    public ApprovedExporter revoke(String exporterId, LocalDate on, String reason) {
        return change(exporterId, e -> e.revoke(on, reason), true);
    }

    /** Every registered exporter, by identifier. */
    public List<ApprovedExporter> list() {
        return database.inTransaction(em -> DeclarationStore.exporters(em).stream().map(ApprovedExporterEntity::toDomain)
                .toList());
    }

    /** Queues the current list to every partner (e.g. for a new partner); returns the messages' IDs. */
    public List<UUID> push() {
        return database.inTransaction(this::queueList);
    }

    private ApprovedExporter change(String exporterId, UnaryOperator<ApprovedExporter> transition, boolean pushList) {
        return database.inTransaction(em -> {
            ApprovedExporterEntity entity = DeclarationStore.exporterForUpdate(em, exporterId)
                    .orElseThrow(() -> new RejectionException(Problem.error(ErrorCode.UNKNOWN_EXPORTER,
                            "No exporter " + exporterId + " is registered.", null)));
            ApprovedExporter changed;
            try {
                changed = transition.apply(entity.toDomain());
            } catch (ExporterRegistryException e) {
                throw new RejectionException(e.problem());
            }
            entity.record(changed, clock.instant());
            outgoing.changes().record(em, null, null, "exporter " + exporterId + " is now " + changed.status());
            if (pushList) {
                em.flush();
                queueList(em);
            }
            return changed;
        });
    }

    private List<UUID> queueList(EntityManager em) {
        List<ApprovedExporter> listed = DeclarationStore.exporters(em).stream().map(ApprovedExporterEntity::toDomain)
                .filter(e -> e.status() == ExporterStatus.AUTHORISED || e.status() == ExporterStatus.REVOKED).toList();
        var list = new ApprovedExporterList(self.countryCode(), clock.instant(), listed);
        var ids = new ArrayList<UUID>();
        for (Partner partner : partners.all()) {
            ids.add(outgoing.message(em, new Outgoing.PartnerRef(partner.id(), partner.administration()),
                    Operation.SEND_APPROVED_EXPORTERS, null, list, null));
        }
        return ids;
    }
}
