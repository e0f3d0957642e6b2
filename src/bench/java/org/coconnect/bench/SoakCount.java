package org.coconnect.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.coconnect.config.DatabaseSettings;

/**
 * What the gateway's database holds after the storm, read over JDBC once the gateway has stopped: each
 * inbound message with the CO it stored, and how often a message or a CO was stored more than once.
 */
record SoakCount(Map<String, String> storedCoNumberById, long messagesStoredTwice, long certificatesStoredTwice) {

    /** Reads the counts from the database the gateway used. */
    static SoakCount read(DatabaseSettings database) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.connectionUrl(), database.user(), database.password());
             Statement s = c.createStatement()) {
            var stored = new HashMap<String, String>();
            try (var rows = s.executeQuery("select m.message_id, c.co_number from exchanged_message m "
                    + "join certificate c on c.id = m.certificate_id where m.direction = 'INBOUND'")) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getString(2));
                }
            }
            long messagesTwice = single(s, "select count(*) - count(distinct message_id) from exchanged_message "
                    + "where direction = 'INBOUND'");
            long certificatesTwice = single(s, "select count(*) from (select issuing_country, co_number, version "
                    + "from certificate group by issuing_country, co_number, version having count(*) > 1) twice");
            return new SoakCount(stored, messagesTwice, certificatesTwice);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
