package org.coconnect.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.util.List;
import java.util.Set;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientInformationStore;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.mail.smime.SMIMEAuthEnveloped;
import org.bouncycastle.mail.smime.SMIMEAuthEnvelopedGenerator;
import org.bouncycastle.mail.smime.SMIMEEnveloped;
import org.bouncycastle.mail.smime.SMIMEEnvelopedGenerator;
import org.bouncycastle.mail.smime.SMIMEException;
import org.bouncycastle.mail.smime.SMIMESigned;
import org.bouncycastle.mail.smime.SMIMESignedGenerator;
import org.bouncycastle.mail.smime.SMIMEUtil;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.coconnect.config.PartnerMail;

/**
 * S/MIME with BouncyCastle: a content part signed with our key, then encrypted for one recipient
 * (RSA-OAEP with SHA-256 key transport, AES-256-GCM or AES-256-CBC content); and the reverse, which accepts
 * only those algorithms.
 */
public final class Smime {

    private static final Provider BC = new BouncyCastleProvider();
    private static final Set<String> CONTENT_CIPHERS = Set.of(CMSAlgorithm.AES256_GCM.getId(), CMSAlgorithm.AES256_CBC.getId());

    /**
     * A mail opened: the signed part as it was signed (the evidence), who signed it, the content it carries,
     * and whether it came with authenticated encryption (AES-256-GCM) rather than AES-256-CBC.
     */
    public record Opened(byte[] signedMime, X509Certificate signer, MimeBodyPart content, boolean authenticatedEncryption) {
    }

    private record Decrypted(byte[] content, boolean authenticated) {
    }

    /** A mail that is not ours to read, not signed and encrypted as agreed, or whose signature does not verify. */
    public static final class Refused extends Exception {
        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Smime() {
    }

    /** Signs the content with our key and certificate, then encrypts it for the recipient's certificate. */
    public static MimeBodyPart signAndEncrypt(MimeBodyPart content, PrivateKey key, X509Certificate certificate,
                                             X509Certificate recipient, PartnerMail.Cipher cipher) throws MessagingException {
        try {
            var signer = new SMIMESignedGenerator();
            signer.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BC)
                    .build("SHA256with" + ("EC".equals(key.getAlgorithm()) ? "ECDSA" : "RSA"), key, certificate));
            signer.addCertificates(new JcaCertStore(List.of(certificate)));
            var signed = new MimeBodyPart();
            signed.setContent(signer.generate(content));
            signed.setHeader("Content-Type", signed.getDataHandler().getContentType());
            var oaep = new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP,
                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            var recipientInfo = new JceKeyTransRecipientInfoGenerator(recipient, oaep).setProvider(BC);
            if (cipher == PartnerMail.Cipher.AES256_GCM) {
                var generator = new SMIMEAuthEnvelopedGenerator();
                generator.addRecipientInfoGenerator(recipientInfo);
                return generator.generate(signed, new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM).setProvider(BC).build());
            }
            var generator = new SMIMEEnvelopedGenerator();
            generator.addRecipientInfoGenerator(recipientInfo);
            return generator.generate(signed, new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).setProvider(BC).build());
        } catch (GeneralSecurityException | OperatorCreationException | CMSException | SMIMEException e) {
            throw new MessagingException("S/MIME signing or encryption failed: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts a mail with our encryption key and verifies its one signature. Refused when it is not
     * encrypted for us with an agreed algorithm, not signed, signed more than once, or the signature fails.
     */
    public static Opened decryptAndVerify(MimeMessage mail, PrivateKey key, X509Certificate certificate) throws Refused {
        Decrypted decrypted = decrypt(mail, key, certificate);
        try {
            MimeBodyPart signedPart = SMIMEUtil.toMimeBodyPart(decrypted.content());
            if (!(signedPart.getContent() instanceof MimeMultipart multipart)) {
                throw new Refused("the decrypted content is not multipart/signed", null);
            }
            var signed = new SMIMESigned(multipart);
            var signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new Refused("the mail carries " + signers.size() + " signatures, not one", null);
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            var holders = (java.util.Collection<X509CertificateHolder>) signed.getCertificates().getMatches(signer.getSID());
            if (holders.size() != 1) {
                throw new Refused("the signer's certificate is not in the mail", null);
            }
            X509CertificateHolder holder = holders.iterator().next();
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(holder))) {
                throw new Refused("the signature does not verify: the mail was altered", null);
            }
            return new Opened(decrypted.content(), new JcaX509CertificateConverter().getCertificate(holder), signed.getContent(),
                    decrypted.authenticated());
        } catch (Refused e) {
            throw e;
        } catch (MessagingException | IOException | CMSException | GeneralSecurityException | OperatorCreationException | SMIMEException
                 | RuntimeException e) {
            throw new Refused("the signature does not verify: " + e.getMessage(), e);
        }
    }

    private static Decrypted decrypt(MimeMessage mail, PrivateKey key, X509Certificate certificate) throws Refused {
        try {
            String type = mail.getContentType().toLowerCase(java.util.Locale.ROOT);
            if (!type.startsWith("application/pkcs7-mime") && !type.startsWith("application/x-pkcs7-mime")) {
                throw new Refused("the mail is not S/MIME encrypted (" + mail.getContentType() + ")", null);
            }
            boolean authenticated = type.contains("authenveloped-data");
            String contentCipher;
            RecipientInformationStore recipients;
            if (authenticated) {
                var enveloped = new SMIMEAuthEnveloped(mail);
                contentCipher = enveloped.getEncryptionAlgOID();
                recipients = enveloped.getRecipientInfos();
            } else {
                var enveloped = new SMIMEEnveloped(mail);
                contentCipher = enveloped.getEncryptionAlgOID();
                recipients = enveloped.getRecipientInfos();
            }
            if (!CONTENT_CIPHERS.contains(contentCipher)) {
                throw new Refused("content encrypted with " + contentCipher + ", not AES-256-GCM or AES-256-CBC", null);
            }
            RecipientInformation recipient = recipients.get(new JceKeyTransRecipientId(certificate));
            if (recipient == null) {
                throw new Refused("the mail is not encrypted for our encryption certificate", null);
            }
            if (!PKCSObjectIdentifiers.id_RSAES_OAEP.getId().equals(recipient.getKeyEncryptionAlgOID())) {
                throw new Refused("key transport " + recipient.getKeyEncryptionAlgOID() + " is not RSA-OAEP", null);
            }
            return new Decrypted(recipient.getContent(new JceKeyTransEnvelopedRecipient(key).setProvider(BC)), authenticated);
        } catch (Refused e) {
            throw e;
        } catch (MessagingException | CMSException | RuntimeException e) {
            throw new Refused("the mail cannot be decrypted: " + e.getMessage(), e);
        }
    }

    /** The bytes of a MIME part as it would be sent. */
    public static byte[] bytes(jakarta.mail.Part part) throws MessagingException, IOException {
        var out = new ByteArrayOutputStream();
        part.writeTo(out);
        return out.toByteArray();
    }
}
