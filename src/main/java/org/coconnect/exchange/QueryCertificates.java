package org.coconnect.exchange;

import java.util.List;
import java.util.Optional;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.CertificateState;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.CertificateStore;
import org.coconnect.persistence.Database;

/** What the customs systems may ask of the gateway: which COs it holds, by number, partner or state. */
public final class QueryCertificates {

    private final Database database;

    public QueryCertificates(Database database) {
        this.database = database;
    }

    public Optional<CertificateEntity> find(CertificateSide side, CertificateReference ref) {
        return database.inTransaction(em -> CertificateStore.find(em, side, ref.issuingCountry(), ref.number(),
                ref.version()));
    }

    /** Like {@link #find}, as a copy that holds no entity. */
    public Optional<CertificateView> view(CertificateSide side, CertificateReference ref) {
        return find(side, ref).map(CertificateView::of);
    }

    /** Like {@link #search}, as copies that hold no entity. */
    public List<CertificateView> list(CertificateSide side, String number, String partnerId, CertificateState state,
                                      int limit) {
        return search(side, number, partnerId, state, limit).stream().map(CertificateView::of).toList();
    }

    /** Filters may be null (any). Newest change first, at most {@code limit}. */
    public List<CertificateEntity> search(CertificateSide side, String number, String partnerId,
                                          CertificateState state, int limit) {
        return database.inTransaction(em -> CertificateStore.search(em, side, number, partnerId, state, limit));
    }
}
