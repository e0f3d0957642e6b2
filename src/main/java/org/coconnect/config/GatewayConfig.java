package org.coconnect.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.coconnect.domain.AdministrationId;

/** The whole, validated configuration of one gateway; immutable and passed to constructors. */
public record GatewayConfig(AdministrationId self, String environment, String bindHost, int port,
                            DatabaseSettings database, KeystoreConfig keystores, Duration allowedClockSkew,
                            Duration timestampTimeToLive, List<PartnerConfig> partners, Path dataDirectory,
                            DeliveryConfig delivery, RetentionConfig retention, MonitoringConfig monitoring,
                            LocalApiConfig localApi, VerificationConfig verification, List<Cidr> trustedProxies,
                            AuditConfig audit, ListenerLimits listener, MailConfig mail) {

    public GatewayConfig {
        partners = List.copyOf(partners);
        trustedProxies = List.copyOf(trustedProxies);
        mail = mail == null ? MailConfig.none() : mail;
        if (mail.smtp() == null || mail.imap() == null) {
            partners.stream().filter(p -> p.mail() != null).findFirst().ifPresent(p -> {
                throw new ConfigException("gateway.properties", "mail.smtp.host",
                        "partner " + p.id() + " uses partner.transport=smtp: set mail.smtp.* and mail.imap.*");
            });
        }
    }

    /** Without mail: no partner on the e-mail channel, no alert mails. */
    public GatewayConfig(AdministrationId self, String environment, String bindHost, int port,
                         DatabaseSettings database, KeystoreConfig keystores, Duration allowedClockSkew,
                         Duration timestampTimeToLive, List<PartnerConfig> partners, Path dataDirectory,
                         DeliveryConfig delivery, RetentionConfig retention, MonitoringConfig monitoring,
                         LocalApiConfig localApi, VerificationConfig verification, List<Cidr> trustedProxies,
                         AuditConfig audit, ListenerLimits listener) {
        this(self, environment, bindHost, port, database, keystores, allowedClockSkew, timestampTimeToLive, partners,
                dataDirectory, delivery, retention, monitoring, localApi, verification, trustedProxies, audit, listener,
                MailConfig.none());
    }

    /** With the default audit checkpoints and limits of the partner-facing listener. */
    public GatewayConfig(AdministrationId self, String environment, String bindHost, int port,
                         DatabaseSettings database, KeystoreConfig keystores, Duration allowedClockSkew,
                         Duration timestampTimeToLive, List<PartnerConfig> partners, Path dataDirectory,
                         DeliveryConfig delivery, RetentionConfig retention, MonitoringConfig monitoring,
                         LocalApiConfig localApi, VerificationConfig verification, List<Cidr> trustedProxies) {
        this(self, environment, bindHost, port, database, keystores, allowedClockSkew, timestampTimeToLive, partners,
                dataDirectory, delivery, retention, monitoring, localApi, verification, trustedProxies,
                AuditConfig.defaults(dataDirectory), ListenerLimits.defaults());
    }

    /** Without verification settings (no portal, the default lookup rate) and trusting no proxy. */
    public GatewayConfig(AdministrationId self, String environment, String bindHost, int port,
                         DatabaseSettings database, KeystoreConfig keystores, Duration allowedClockSkew,
                         Duration timestampTimeToLive, List<PartnerConfig> partners, Path dataDirectory,
                         DeliveryConfig delivery, RetentionConfig retention, MonitoringConfig monitoring,
                         LocalApiConfig localApi) {
        this(self, environment, bindHost, port, database, keystores, allowedClockSkew, timestampTimeToLive, partners,
                dataDirectory, delivery, retention, monitoring, localApi, VerificationConfig.defaults(), List.of(),
                AuditConfig.defaults(dataDirectory), ListenerLimits.defaults());
    }

    /** The id under which this gateway is known to its partners, e.g. KR-KCS. */
    public String selfId() {
        return self.countryCode() + "-" + self.authorityId();
    }

    public GatewayConfig withPort(int newPort) {
        return new GatewayConfig(self, environment, bindHost, newPort, database, keystores, allowedClockSkew,
                timestampTimeToLive, partners, dataDirectory, delivery, retention, monitoring, localApi, verification, trustedProxies, audit, listener, mail);
    }

    public GatewayConfig withPartners(List<PartnerConfig> newPartners) {
        return new GatewayConfig(self, environment, bindHost, port, database, keystores, allowedClockSkew,
                timestampTimeToLive, newPartners, dataDirectory, delivery, retention, monitoring, localApi, verification, trustedProxies, audit, listener, mail);
    }

    public GatewayConfig withKeystores(KeystoreConfig newKeystores) {
        return new GatewayConfig(self, environment, bindHost, port, database, newKeystores, allowedClockSkew,
                timestampTimeToLive, partners, dataDirectory, delivery, retention, monitoring, localApi, verification, trustedProxies, audit, listener, mail);
    }

    public GatewayConfig withDatabase(DatabaseSettings newDatabase, Path newDataDirectory) {
        return new GatewayConfig(self, environment, bindHost, port, newDatabase, keystores, allowedClockSkew,
                timestampTimeToLive, partners, newDataDirectory, delivery, retention, monitoring, localApi, verification, trustedProxies,
                // Checkpoints kept at their default place follow the data directory they describe.
                audit.equals(AuditConfig.defaults(dataDirectory)) ? AuditConfig.defaults(newDataDirectory) : audit, listener, mail);
    }

    public GatewayConfig withMonitoring(MonitoringConfig newMonitoring) {
        return new GatewayConfig(self, environment, bindHost, port, database, keystores, allowedClockSkew,
                timestampTimeToLive, partners, dataDirectory, delivery, retention, newMonitoring, localApi, verification, trustedProxies, audit, listener, mail);
    }

    public GatewayConfig withLocalApi(LocalApiConfig newLocalApi) {
        return new GatewayConfig(self, environment, bindHost, port, database, keystores, allowedClockSkew,
                timestampTimeToLive, partners, dataDirectory, delivery, retention, monitoring, newLocalApi, verification, trustedProxies, audit, listener, mail);
    }

    public GatewayConfig withVerification(VerificationConfig newVerification) {
        return new GatewayConfig(self, environment, bindHost, port, database, keystores, allowedClockSkew,
                timestampTimeToLive, partners, dataDirectory, delivery, retention, monitoring, localApi, newVerification, trustedProxies, audit, listener, mail);
    }

    public GatewayConfig withTrustedProxies(List<Cidr> newTrustedProxies) {
        return new GatewayConfig(self, environment, bindHost, port, database, keystores, allowedClockSkew,
                timestampTimeToLive, partners, dataDirectory, delivery, retention, monitoring, localApi, verification,
                newTrustedProxies, audit, listener, mail);
    }

    public GatewayConfig withAudit(AuditConfig newAudit) {
        return new GatewayConfig(self, environment, bindHost, port, database, keystores, allowedClockSkew,
                timestampTimeToLive, partners, dataDirectory, delivery, retention, monitoring, localApi, verification,
                trustedProxies, newAudit, listener, mail);
    }

    public GatewayConfig withListener(ListenerLimits newListener) {
        return new GatewayConfig(self, environment, bindHost, port, database, keystores, allowedClockSkew,
                timestampTimeToLive, partners, dataDirectory, delivery, retention, monitoring, localApi, verification,
                trustedProxies, audit, newListener, mail);
    }

    public GatewayConfig withMail(MailConfig newMail) {
        return new GatewayConfig(self, environment, bindHost, port, database, keystores, allowedClockSkew,
                timestampTimeToLive, partners, dataDirectory, delivery, retention, monitoring, localApi, verification,
                trustedProxies, audit, listener, newMail);
    }
}
