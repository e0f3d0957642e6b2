package org.coconnect.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network in CIDR notation, e.g. 203.0.113.0/24 or 2001:db8::/32. */
public record Cidr(byte[] network, int prefixLength) {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    /** Parses a literal address with an optional prefix length; never resolves host names. */
    public static Cidr parse(String text) {
        String[] parts = text.trim().split("/", 2);
        if (!parts[0].matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        try {
            byte[] address = InetAddress.getByName(parts[0]).getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("prefix length out of range: " + text);
            }
            return new Cidr(address, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR network: " + text, e);
        }
    }

    /**
     * A literal IPv4 (four decimal parts) or IPv6 address, as found in an X-Forwarded-For entry; never
     * resolves host names, and refuses the shorthand forms InetAddress would read as IPv4 (e.g. "1234").
     */
    public static InetAddress literalAddress(String text) {
        String candidate = text.trim();
        boolean ipv4 = IPV4.matcher(candidate).matches();
        boolean ipv6 = candidate.contains(":") && candidate.matches("[0-9a-fA-F:.]+");
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("not a literal IP address: " + text);
        }
        try {
            return InetAddress.getByName(candidate);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a literal IP address: " + text, e);
        }
    }

    /** Whether any of these networks contains the address. */
    public static boolean anyContains(java.util.List<Cidr> networks, InetAddress address) {
        return networks.stream().anyMatch(n -> n.contains(address));
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
