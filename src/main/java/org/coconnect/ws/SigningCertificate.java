package org.coconnect.ws;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;

/** Reads the certificate that WSS4J verified a message signature with (request or response). */
public final class SigningCertificate {

    private SigningCertificate() {
    }

    @SuppressWarnings("unchecked")
    public static Optional<X509Certificate> from(java.util.function.Function<String, Object> properties) {
        Object results = properties.apply(WSHandlerConstants.RECV_RESULTS);
        if (!(results instanceof List<?> list)) {
            return Optional.empty();
        }
        for (WSHandlerResult result : (List<WSHandlerResult>) list) {
            for (WSSecurityEngineResult action : result.getActionResults().getOrDefault(WSConstants.SIGN, List.of())) {
                Object cert = action.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
                if (cert instanceof X509Certificate x509) {
                    return Optional.of(x509);
                }
            }
        }
        return Optional.empty();
    }
}
