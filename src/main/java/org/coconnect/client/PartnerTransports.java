package org.coconnect.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.coconnect.mail.PartnerMailer;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;

/** Chooses each partner's transport by its configuration: mail for partner.transport=smtp, else HTTPS. */
public final class PartnerTransports {

    private final PartnerDirectory partners;
    private final PartnerClients clients;
    private final PartnerMailer mailer;
    private final Map<String, PartnerTransport> mail = new ConcurrentHashMap<>();

    /** @param mailer null when no SMTP server is configured (then no partner may be on the e-mail channel) */
    public PartnerTransports(PartnerDirectory partners, PartnerClients clients, PartnerMailer mailer) {
        this.partners = partners;
        this.clients = clients;
        this.mailer = mailer;
    }

    /** The transport for one configured partner. */
    public PartnerTransport forPartner(String partnerId) {
        Partner partner = partners.byId(partnerId).orElseThrow(() -> new IllegalArgumentException("no partner " + partnerId));
        if (partner.config().mail() == null) {
            return clients.client(partnerId);
        }
        return mail.computeIfAbsent(partnerId, id -> new MailTransport(partner, mailer));
    }
}
