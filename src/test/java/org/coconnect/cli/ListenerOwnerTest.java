package org.coconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI tells who listens on the local interface's port from /proc/net/tcp before it sends its credential. */
class ListenerOwnerTest {

    static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:2120 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1001        0 4242 1 0 100 0 0 10 0
               1: 0100007F:2120 0100007F:D3A2 01 00000000:00000000 00:00000000 00000000  1000        0 4243 1 0 20 4 30 10 -1
               2: 00000000:01BB 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4244 1 0 100 0 0 10 0
            """;

    @Test
    void theOwnerOfTheListeningSocketIsFoundNotThatOfAConnection() {
        assertEquals(List.of(1001), ListenerOwner.owners(0x2120, List.of(TCP)));
        assertEquals(List.of(0), ListenerOwner.owners(443, List.of(TCP)));
        assertEquals(List.of(), ListenerOwner.owners(8481, List.of(TCP)));
    }
}
