package org.coconnect.ws.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.coconnect.config.LocalApiConfig;
import org.coconnect.config.LocalClientConfig;
import org.coconnect.config.LocalScope;

/**
 * The clients of the local interface, each known by its bearer credential (RFC 6750): the operator of
 * local.token.file with every scope, and those of local.clients.file with theirs. Only SHA-256 digests of the
 * credentials are kept; credentials are long random strings, so a fast digest is enough to keep them secret.
 */
final class LocalClients {

    /** An authenticated client and what it may do. */
    record Client(String id, Set<LocalScope> scopes) {
    }

    private record Known(Client client, byte[] digest) {
    }

    private static final String SCHEME = "Bearer ";
    private final List<Known> known;

    LocalClients(LocalApiConfig config) {
        if (config.token() == null || config.token().length == 0) {
            throw new IllegalArgumentException("the local interface needs the operator's bearer token");
        }
        var all = new ArrayList<Known>();
        all.add(new Known(new Client(LocalClientConfig.OPERATOR, EnumSet.allOf(LocalScope.class)),
                sha256(new String(config.token()))));
        for (LocalClientConfig c : config.clients()) {
            all.add(new Known(new Client(c.id(), c.scopes()), HexFormat.of().parseHex(c.credentialSha256())));
        }
        this.known = List.copyOf(all);
    }

    /** The client whose credential an Authorization header value presents, if any. */
    Optional<Client> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        byte[] presented = sha256(authorization.substring(SCHEME.length()).strip());
        Client found = null;
        // Every digest is compared, each in constant time, so the response time tells nothing about which matched.
        for (Known k : known) {
            if (MessageDigest.isEqual(k.digest(), presented) && found == null) {
                found = k.client();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String credential) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
