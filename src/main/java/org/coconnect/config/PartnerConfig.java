package org.coconnect.config;

import java.net.URI;
import org.coconnect.domain.AdministrationId;

/**
 * One partner administration as configured in {@code conf/partners/<id>.properties}.
 *
 * @param endpointUrl full base URL override; when null the framework's pattern
 *                    https://{environment}.coconnect.{domain} is used
 * @param securityProfile the message-security profile agreed with this partner
 */
public record PartnerConfig(String id, AdministrationId administration, String environment, String domain,
                            URI endpointUrl, SecurityProfile securityProfile) {

    /** A partner on the standard (AES-GCM) profile. */
    public PartnerConfig(String id, AdministrationId administration, String environment, String domain, URI endpointUrl) {
        this(id, administration, environment, domain, endpointUrl, SecurityProfile.STANDARD);
    }

    public PartnerConfig withEndpointUrl(URI url) {
        return new PartnerConfig(id, administration, environment, domain, url, securityProfile);
    }

    public PartnerConfig withSecurityProfile(SecurityProfile profile) {
        return new PartnerConfig(id, administration, environment, domain, endpointUrl, profile);
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
