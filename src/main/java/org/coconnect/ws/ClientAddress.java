package org.coconnect.ws;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.coconnect.config.Cidr;

/**
 * The address a request comes from, for the allowlist, the login lockout and the log: the TCP peer's,
 * unless the peer is a configured trusted proxy. Then it is the right-most X-Forwarded-For entry that
 * is not itself a trusted proxy (entries further left were written by the client and prove nothing).
 * From any other peer the header is ignored: anyone can write it.
 */
final class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private ClientAddress() {
    }

    /** An X-Forwarded-For header from a trusted proxy that is not a comma-separated list of literal IP addresses. */
    static final class MalformedForwardedFor extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedForwardedFor(String detail) {
            super(detail);
        }
    }

    /**
     * @param peer the TCP peer, from the socket
     * @throws MalformedForwardedFor when a trusted proxy forwarded a header we cannot read
     */
    static InetAddress of(HttpServletRequest request, InetAddress peer, List<Cidr> trustedProxies) throws MalformedForwardedFor {
        if (!Cidr.anyContains(trustedProxies, peer)) {
            return peer;
        }
        List<InetAddress> chain = forwardedChain(request);
        // Right to left: each hop appends the address it received the request from.
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!Cidr.anyContains(trustedProxies, chain.get(i))) {
                return chain.get(i);
            }
        }
        // Only trusted proxies, or no header (the proxy itself is the client): the left-most hop we know.
        return chain.isEmpty() ? peer : chain.get(0);
    }

    /** Every X-Forwarded-For header line, in order, as one list of addresses. */
    private static List<InetAddress> forwardedChain(HttpServletRequest request) throws MalformedForwardedFor {
        var chain = new ArrayList<InetAddress>();
        for (String line : Collections.list(request.getHeaders(FORWARDED_FOR))) {
            for (String entry : line.split(",", -1)) {
                try {
                    chain.add(Cidr.literalAddress(entry));
                } catch (IllegalArgumentException e) {
                    throw new MalformedForwardedFor("entry '" + printable(entry.strip()) + "' of " + FORWARDED_FOR
                            + " is not an IP address");
                }
            }
        }
        return chain;
    }

    /** At most 64 printable ASCII characters of what the header said, for the log. */
    private static String printable(String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        return shown.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
