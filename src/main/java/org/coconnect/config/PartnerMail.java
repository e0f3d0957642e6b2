package org.coconnect.config;

/**
 * How a partner that runs no web service is reached: {@code partner.transport=smtp}. Its S/MIME certificates
 * are its signing and encryption certificates in the partner keystore, checked like every partner certificate.
 *
 * @param address the partner gateway's mail address: where we send, and the only From we accept from it
 * @param cipher  the content encryption agreed with it, both ways: AES-256-GCM where its mail software supports
 *                it (then a CBC mail from it is refused as a downgrade), else AES-256-CBC
 */
public record PartnerMail(String address, Cipher cipher) {

    /** Content encryption of mails to a partner (both with RSA-OAEP key transport). */
    public enum Cipher {
        /** S/MIME AuthEnvelopedData (RFC 5083/5084), authenticated encryption. */
        AES256_GCM("aes256-gcm"),
        /** S/MIME EnvelopedData, for mail software without AuthEnvelopedData; the inner signature protects integrity. */
        AES256_CBC("aes256-cbc");

        private final String key;

        Cipher(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** partner.transport, partner.mail.address, partner.mail.cipher; null for a partner served over HTTPS. */
    static PartnerMail read(PropertiesFile file) {
        String transport = file.optional("partner.transport", "https");
        if ("https".equals(transport)) {
            return null;
        }
        if (!"smtp".equals(transport)) {
            throw new ConfigException(file.name(), "partner.transport", "must be https or smtp, not '" + transport + "'");
        }
        String address = file.required("partner.mail.address");
        if (!MailConfig.isAddress(address)) {
            throw new ConfigException(file.name(), "partner.mail.address", "must be one mail address, not '" + address + "'");
        }
        String cipher = file.optional("partner.mail.cipher", Cipher.AES256_GCM.key());
        for (Cipher c : Cipher.values()) {
            if (c.key.equals(cipher)) {
                return new PartnerMail(address, c);
            }
        }
        throw new ConfigException(file.name(), "partner.mail.cipher", "must be aes256-gcm or aes256-cbc, not '" + cipher + "'");
    }
}
