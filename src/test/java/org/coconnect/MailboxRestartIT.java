package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.UUID;
import org.coconnect.domain.CertificateState;
import org.coconnect.support.Eventually;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mailbox reader and restarts: a mail is removed only after its message is stored, and a mail read again
 * after a stop is answered from the store, never stored twice. The two windows a stop can fall into are set up
 * as the mail server sees them: a mail downloaded (marked seen) but still there, and a mail whose message is
 * stored but which is in the mailbox again.
 */
class MailboxRestartIT {

    @TempDir
    Path dir;

    @Test
    void aStopBetweenDownloadAndStorageLosesNothingAndAStopAfterStorageStoresNothingTwice() {
        try (var mail = TestMailServer.start()) {
            var configs = mail.gatewayConfigs(dir);
            UUID messageId = UUID.randomUUID();
            mail.send(mail.mailFromKr(configs.get(0), "send-co", messageId,
                    TestMailServer.sendCoFromKr("KR-RESTART-1", messageId)));
            // A reader that downloaded the mail and stopped before storing it leaves it read but in place.
            byte[] downloaded = mail.download("id").get(0);

            try (Gateway id = TestGateways.start(configs.get(1))) {
                Eventually.until("ID stores the mail and removes it", () -> mail.count("id", "INBOX") == 0);
                assertEquals(1, StoredRows.messagesWithId(id, messageId.toString()));
                assertEquals(CertificateState.RECEIVED, StoredRows.certificates(id).get(0).state());
            }
            assertEquals(1, mail.count("kr", "INBOX"), "one acknowledgement mail to KR");

            // A stop after the commit but before the removal leaves the stored mail in the mailbox.
            mail.send(mail.parse(downloaded));
            try (Gateway id = TestGateways.start(configs.get(1))) {
                Eventually.until("ID reads the mail again and removes it", () -> mail.count("id", "INBOX") == 0);
                assertEquals(1, StoredRows.messagesWithId(id, messageId.toString()), "not stored twice");
                assertEquals(1, StoredRows.certificates(id).size());
            }
            assertEquals(2, mail.count("kr", "INBOX"), "the repeat is answered again, from the store");
        }
    }
}
