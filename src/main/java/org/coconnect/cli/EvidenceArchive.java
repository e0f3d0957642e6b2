package org.coconnect.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.coconnect.exchange.MessageEvidence;
import org.coconnect.security.EnvelopeOpener;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.PayloadDigest;

/**
 * Writes one message's evidence as one zip a third party checks with xmlsec1: envelopes as sent and
 * received, their decrypted forms with the signatures intact, the signing certificates, the verification
 * result, and a README saying which command checks what.
 */
final class EvidenceArchive {

    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    /** The xmlsec1 arguments that check a decrypted envelope's signature against a certificate file. */
    static final String VERIFY = "xmlsec1 verify --pubkey-cert-pem %s --id-attr:Id " + SOAP + ":Body --id-attr:Id "
            + WSU + ":Timestamp %s";

    private final EnvelopeOpener opener;
    private final X509Certificate ourSigningCertificate;
    private final List<String> results = new ArrayList<>();
    private ZipOutputStream zip;

    EvidenceArchive(EnvelopeOpener opener, X509Certificate ourSigningCertificate) {
        this.opener = opener;
        this.ourSigningCertificate = ourSigningCertificate;
    }

    /** Writes the archive; returns the verification lines it holds (also in verification.txt). */
    List<String> write(MessageEvidence evidence, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            zip = z;
            put("our-signing-certificate.pem", pem(ourSigningCertificate));
            int n = 0;
            for (var m : evidence.exchanged()) {
                n++;
                exchanged("exchanged-" + n + "-" + m.direction().toLowerCase() + "/", m);
            }
            n = 0;
            for (var r : evidence.rejected()) {
                n++;
                String dir = "rejected-" + n + "/";
                put(dir + "problems.txt", ("Rejected " + r.operation() + " from " + r.partnerId() + " at " + r.at()
                        + "\ncodes: " + r.codes() + "\npayload SHA-256: " + r.payloadDigest() + "\n" + r.detail() + "\n"));
                envelope(dir, "envelope-as-received", r.rawEnvelope(), "rejected inbound message");
            }
            n = 0;
            for (var a : evidence.attempts()) {
                n++;
                attempt("attempt-" + n + "-" + a.outcome().toLowerCase() + "/", a);
            }
            put("verification.txt", String.join("\n", results) + "\n");
            put("README.txt", EvidenceReadme.text(evidence.messageId(), VERIFY));
        }
        return List.copyOf(results);
    }

    private void exchanged(String dir, MessageEvidence.Exchanged m) throws IOException {
        put(dir + "message.txt", (m.direction() + " " + m.operation() + " with " + m.partnerId() + " at " + m.at()
                + "\npayload SHA-256 (exclusive C14N): " + m.payloadDigest() + "\nacknowledgement: " + m.ackStatus() + "\n"));
        if (m.payload() != null) {
            byte[] canonical = PayloadDigest.of(OutboundPayloadWriter.parse(m.payload())).canonical();
            put(dir + "payload-c14n.xml", canonical);
            results.add(dir + "payload-c14n.xml: SHA-256 " + sha256(canonical) + (sha256(canonical).equals(m.payloadDigest())
                    ? " = the digest acknowledged" : " DIFFERS from the digest acknowledged " + m.payloadDigest()));
        }
        if ("INBOUND".equals(m.direction())) {
            envelope(dir, "envelope-as-received", m.rawEnvelope(), "inbound message");
        }
    }

    private void attempt(String dir, MessageEvidence.Attempt a) throws IOException {
        put(dir + "attempt.txt", ("attempt to " + a.partnerId() + " (" + a.operation() + ") at " + a.at() + ": "
                + a.outcome() + "\npayload SHA-256 sent: " + a.payloadDigest() + "\npayload SHA-256 acknowledged: "
                + a.answerDigest() + "\nenvelope SHA-256 as sent: " + a.sentEnvelopeDigest()
                + (a.detail() == null ? "" : "\n" + a.detail()) + "\n"));
        results.add(dir + ": " + a.outcome() + ", payload digest sent " + a.payloadDigest() + ", acknowledged "
                + a.answerDigest() + (a.payloadDigest().equals(a.answerDigest()) ? " (equal)" : ""));
        if (a.sentEnvelope() != null) {
            // Encrypted for the partner: only the partner's key opens it; the partner's signed answer binds its digest.
            put(dir + "envelope-as-sent.xml", a.sentEnvelope());
        }
        if (a.answerSignerDer() != null) {
            put(dir + "answer-signer-at-receipt.pem", pem(certificate(a.answerSignerDer())));
        }
        envelope(dir, "answer-as-received", a.answerEnvelope(), "partner's answer");
    }

    /** The envelope as kept, and, when our key opens it, its decrypted form with the signer's certificate. */
    private void envelope(String dir, String name, byte[] raw, String what) throws IOException {
        if (raw == null) {
            results.add(dir + name + ".xml: erased by retention or never kept");
            return;
        }
        put(dir + name + ".xml", raw);
        EnvelopeOpener.Opened opened = opener.open(raw);
        if (!opened.ok()) {
            results.add(dir + name + ".xml: NOT VERIFIED (" + opened.problem() + ")");
            return;
        }
        String decrypted = dir + name + "-decrypted.xml";
        String signer = dir + name + "-signer.pem";
        put(decrypted, opened.decryptedSigned());
        put(signer, pem(opened.signer()));
        results.add(dir + name + ".xml: signature VERIFIED (" + what + "), signed by "
                + opened.signer().getSubjectX500Principal() + ", certificate SHA-256 " + fingerprint(opened.signer())
                + "; check: " + String.format(VERIFY, signer, decrypted));
    }

    private void put(String name, String text) throws IOException {
        put(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private void put(String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return sha256(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
