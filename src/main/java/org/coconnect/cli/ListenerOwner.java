package org.coconnect.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who listens on a loopback TCP port, from Linux's /proc/net/tcp and tcp6: before the CLI sends its credential over
 * plain HTTP it makes sure the listener belongs to its own user (the gateway's), not to another user of the host
 * who took the port while the gateway was down.
 */
final class ListenerOwner {

    private static final String LISTEN = "0A";

    private ListenerOwner() {
    }

    /** The user IDs of the sockets listening on this port, read from the given /proc/net tables. */
    static List<Integer> owners(int port, List<String> tables) {
        var owners = new ArrayList<Integer>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : tables) {
            for (String line : table.split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (f.length > 7 && f[0].endsWith(":") && f[3].equals(LISTEN) && f[1].endsWith(":" + hexPort)) {
                    owners.add(Integer.parseInt(f[7]));
                }
            }
        }
        return owners;
    }

    /**
     * Throws unless every socket listening on the port belongs to this process's user.
     *
     * @throws IOException when the owner cannot be told (no /proc: not Linux) or is another user
     */
    static void requireOwn(int port) throws IOException {
        Path tcp = Path.of("/proc/net/tcp");
        Path tcp6 = Path.of("/proc/net/tcp6");
        if (!Files.isReadable(tcp)) {
            throw new IOException("cannot tell who listens on port " + port + " (no /proc/net/tcp); set local.tls=true "
                    + "so that the CLI can check the gateway's certificate before sending its credential");
        }
        var tables = new ArrayList<String>();
        tables.add(Files.readString(tcp));
        if (Files.isReadable(tcp6)) {
            tables.add(Files.readString(tcp6));
        }
        int self = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        for (int owner : owners(port, tables)) {
            if (owner != self) {
                throw new IOException("port " + port + " is held by another user (uid " + owner + "), not by the "
                        + "gateway's user; the credential was not sent");
            }
        }
    }
}
