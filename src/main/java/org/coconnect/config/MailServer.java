package org.coconnect.config;

/**
 * One mail server the gateway logs in to: the SMTP server it sends through, or the IMAP server holding its mailbox.
 *
 * @param security how the connection is protected; {@link Security#NONE} only on loopback (tests, a local relay)
 * @param user     the login, or null when the server asks for none
 * @param password the password, or null with no login
 */
public record MailServer(String host, int port, Security security, String user, char[] password) {

    /** Transport protection of a mail connection. */
    public enum Security {
        /** Plain connection: refused by the configuration unless the host is a loopback address. */
        NONE,
        /** Plain connection upgraded by STARTTLS, which must succeed. */
        STARTTLS,
        /** TLS from the first byte (SMTPS 465, IMAPS 993). */
        TLS
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + " (" + security + ")";
    }
}
