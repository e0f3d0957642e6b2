package org.coconnect.config;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.coconnect.domain.AdministrationId;

/**
 * One partner administration as configured in {@code conf/partners/<id>.properties}.
 *
 * @param endpointUrl     full base URL override; when null the framework's pattern
 *                        https://{environment}.coconnect.{domain} is used
 * @param allowedNetworks source addresses the partner may connect from
 * @param inboundUser     the HTTP Basic login the partner uses with us
 * @param limits          requests in flight and per period the partner may send
 * @param securityProfile the message-security profile agreed with this partner
 * @param trust           revocation policy for its CA and the optional pin of its server's TLS certificate
 * @param protocol        SOAP or the JSON API, both directions (for a partner served over HTTPS)
 * @param mail            how it is reached on the e-mail channel; null for a partner served over HTTPS
 */
public record PartnerConfig(String id, AdministrationId administration, String environment, String domain,
                            URI endpointUrl, List<Cidr> allowedNetworks, String inboundUser, PartnerLimits limits,
                            SecurityProfile securityProfile, PartnerTrust trust, PartnerProtocol protocol,
                            PartnerMail mail) {

    public PartnerConfig {
        allowedNetworks = List.copyOf(allowedNetworks);
    }

    /** A SOAP partner served over HTTPS. */
    public PartnerConfig(String id, AdministrationId administration, String environment, String domain, URI endpointUrl,
                         List<Cidr> allowedNetworks, String inboundUser, PartnerLimits limits,
                         SecurityProfile securityProfile, PartnerTrust trust) {
        this(id, administration, environment, domain, endpointUrl, allowedNetworks, inboundUser, limits, securityProfile,
                trust, PartnerProtocol.SOAP, null);
    }

    /** A partner with the default trust settings ({@link PartnerTrust#DEFAULT}). */
    public PartnerConfig(String id, AdministrationId administration, String environment, String domain, URI endpointUrl,
                         List<Cidr> allowedNetworks, String inboundUser, PartnerLimits limits, SecurityProfile securityProfile) {
        this(id, administration, environment, domain, endpointUrl, allowedNetworks, inboundUser, limits, securityProfile,
                PartnerTrust.DEFAULT);
    }

    public PartnerConfig withTrust(PartnerTrust newTrust) {
        return new PartnerConfig(id, administration, environment, domain, endpointUrl, allowedNetworks, inboundUser, limits,
                securityProfile, newTrust, protocol, mail);
    }

    public PartnerConfig withLimits(PartnerLimits newLimits) {
        return new PartnerConfig(id, administration, environment, domain, endpointUrl, allowedNetworks, inboundUser,
                newLimits, securityProfile, trust, protocol, mail);
    }

    public PartnerConfig withEndpointUrl(URI url) {
        return new PartnerConfig(id, administration, environment, domain, url, allowedNetworks, inboundUser, limits,
                securityProfile, trust, protocol, mail);
    }

    public PartnerConfig withSecurityProfile(SecurityProfile profile) {
        return new PartnerConfig(id, administration, environment, domain, endpointUrl, allowedNetworks, inboundUser, limits,
                profile, trust, protocol, mail);
    }

    /** The same partner reached by mail instead of over HTTPS. */
    public PartnerConfig withMail(PartnerMail newMail) {
        return new PartnerConfig(id, administration, environment, domain, endpointUrl, allowedNetworks, inboundUser, limits,
                securityProfile, trust, protocol, newMail);
    }

    /** The same partner speaking another binding (SOAP or the JSON API). */
    public PartnerConfig withProtocol(PartnerProtocol newProtocol) {
        return new PartnerConfig(id, administration, environment, domain, endpointUrl, allowedNetworks, inboundUser, limits,
                securityProfile, trust, newProtocol, mail);
    }

    /** Whether the partner may connect from this address. */
    public boolean allows(InetAddress source) {
        return allowedNetworks.stream().anyMatch(n -> n.contains(source));
    }

    /** The base URL to which operation names are appended. */
    public URI baseUrl() {
        if (endpointUrl != null) {
            return endpointUrl;
        }
        return URI.create("https://" + environment + ".coconnect." + domain);
    }

    /** The partner's address for one operation, e.g. https://prod.coconnect.customs.go.kr/send-co. */
    public URI operationUrl(String operationPathName) {
        String base = baseUrl().toString();
        return URI.create(base.endsWith("/") ? base + operationPathName : base + "/" + operationPathName);
    }
}
