package org.coconnect.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The mail servers an administration provides to the gateway: SMTP to send through (partners on the e-mail
 * channel, alert mails), and the IMAP mailbox partners' mails arrive in.
 *
 * @param smtp           null when the gateway sends no mail
 * @param from           our address: the From of every mail we send, and the partners' To
 * @param imap           null when no partner is on the e-mail channel
 * @param inboxFolder    the folder partners' mails arrive in
 * @param refusedFolder  where a mail that fails verification is moved, kept for the operator
 * @param pollInterval   how often the mailbox is read
 * @param alerts         which alerts are mailed to whom
 */
public record MailConfig(MailServer smtp, String from, MailServer imap, String inboxFolder, String refusedFolder,
                         Duration pollInterval, AlertMailConfig alerts) {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,<>]+@[^@\\s,<>]+");

    /** No mail at all: the default. */
    public static MailConfig none() {
        return new MailConfig(null, null, null, "INBOX", "CoConnect-Refused", Duration.ofSeconds(30), AlertMailConfig.none());
    }

    public MailConfig withAlerts(AlertMailConfig newAlerts) {
        return new MailConfig(smtp, from, imap, inboxFolder, refusedFolder, pollInterval, newAlerts);
    }

    /** The same settings without a mailbox to read. */
    public MailConfig withoutMailbox() {
        return new MailConfig(smtp, from, null, inboxFolder, refusedFolder, pollInterval, alerts);
    }

    static boolean isAddress(String value) {
        return ADDRESS.matcher(value).matches();
    }

    /** Reads the mail.* and alerts.mail.* keys of gateway.properties; paths resolved by {@code resolve}. */
    static MailConfig read(PropertiesFile file, Function<String, Path> resolve) {
        MailServer smtp = server(file, "mail.smtp", 587, MailServer.Security.STARTTLS, resolve);
        MailServer imap = server(file, "mail.imap", 993, MailServer.Security.TLS, resolve);
        String from = smtp == null ? null : file.required("mail.from");
        if (from != null && !isAddress(from)) {
            throw new ConfigException(file.name(), "mail.from", "must be one mail address, not '" + from + "'");
        }
        var none = none();
        var alerts = new AlertMailConfig(addresses(file, "alerts.mail.to", file.optional("alerts.mail.to", "")),
                kinds(file), file.positiveDuration("alerts.mail.window", AlertMailConfig.DEFAULT_WINDOW));
        if (smtp == null && !alerts.recipients().isEmpty()) {
            throw new ConfigException(file.name(), "mail.smtp.host", "is required to send alerts.mail.to");
        }
        return new MailConfig(smtp, from, imap, file.optional("mail.imap.folder", none.inboxFolder()),
                file.optional("mail.imap.refused-folder", none.refusedFolder()),
                file.positiveDuration("mail.poll-interval", none.pollInterval()), alerts);
    }

    private static MailServer server(PropertiesFile file, String prefix, int tlsPort, MailServer.Security fallback,
                                     Function<String, Path> resolve) {
        String host = file.optional(prefix + ".host", null);
        if (host == null) {
            return null;
        }
        String securityKey = file.optional(prefix + ".security", fallback.name().toLowerCase());
        var security = Arrays.stream(MailServer.Security.values()).filter(s -> s.name().equalsIgnoreCase(securityKey))
                .findFirst().orElseThrow(() -> new ConfigException(file.name(), prefix + ".security",
                        "must be starttls, tls or none, not '" + securityKey + "'"));
        if (security == MailServer.Security.NONE && !loopback(host)) {
            throw new ConfigException(file.name(), prefix + ".security", "none is allowed only for a loopback host");
        }
        String user = file.optional(prefix + ".user", null);
        char[] password = null;
        if (user != null) {
            Path passwordFile = resolve.apply(file.required(prefix + ".password.file"));
            try {
                password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
            } catch (IOException e) {
                throw new ConfigException(file.name(), prefix + ".password.file", "cannot be read: " + e.getMessage());
            }
        }
        int defaultPort = security == MailServer.Security.TLS ? tlsPort : prefix.endsWith("smtp") ? 587 : 143;
        return new MailServer(host, file.port(prefix + ".port", defaultPort), security, user, password);
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** alerts.mail.kind.CC-6001=off, or =other@addresses. */
    private static java.util.Map<String, List<String>> kinds(PropertiesFile file) {
        var kinds = new HashMap<String, List<String>>();
        for (String key : file.keysStartingWith("alerts.mail.kind.")) {
            String value = file.optional(key, "off");
            kinds.put(key.substring("alerts.mail.kind.".length()), "off".equals(value) ? List.of() : addresses(file, key, value));
        }
        return kinds;
    }

    private static List<String> addresses(PropertiesFile file, String key, String value) {
        List<String> list = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        list.stream().filter(a -> !isAddress(a)).findFirst().ifPresent(a -> {
            throw new ConfigException(file.name(), key, "'" + a + "' is not a mail address");
        });
        return list;
    }
}
