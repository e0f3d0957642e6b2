package org.coconnect.support;

import java.util.List;
import org.coconnect.Gateway;
import org.coconnect.persistence.AlertEntity;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.MessageEntity;
import org.coconnect.persistence.RejectionEntity;

/** What a gateway has stored, read straight from its database. */
public final class StoredRows {

    private StoredRows() {
    }

    public static List<MessageEntity> messages(Gateway gateway) {
        return gateway.database().inTransaction(em ->
                em.createQuery("select m from MessageEntity m order by m.id", MessageEntity.class).getResultList());
    }

    public static List<CertificateEntity> certificates(Gateway gateway) {
        return gateway.database().inTransaction(em ->
                em.createQuery("select c from CertificateEntity c order by c.id", CertificateEntity.class).getResultList());
    }

    public static List<RejectionEntity> rejections(Gateway gateway) {
        return gateway.database().inTransaction(em ->
                em.createQuery("select r from RejectionEntity r", RejectionEntity.class).getResultList());
    }

    public static List<AlertEntity> alerts(Gateway gateway) {
        return gateway.database().inTransaction(em ->
                em.createQuery("select a from AlertEntity a", AlertEntity.class).getResultList());
    }

    public static long messagesWithId(Gateway gateway, String messageId) {
        return messages(gateway).stream().filter(m -> m.messageId().equals(messageId)).count();
    }
}
