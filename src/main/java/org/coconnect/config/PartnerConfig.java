package org.coconnect.config;

import java.net.URI;
import org.coconnect.domain.AdministrationId;

/**
 * One partner administration as configured in {@code conf/partners/<id>.properties}.
 *
 * @param endpointUrl full base URL override; when null the framework's pattern
 *                    https://{environment}.coconnect.{domain} is used
 */
public record PartnerConfig(String id, AdministrationId administration, String environment, String domain,
                            URI endpointUrl) {

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
