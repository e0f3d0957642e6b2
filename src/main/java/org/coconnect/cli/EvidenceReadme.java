package org.coconnect.cli;

/** The README of an evidence archive: what each file is, and the one command that checks each signature. */
final class EvidenceReadme {

    private EvidenceReadme() {
    }

    static String text(String messageId, String verifyCommand) {
        return """
                Evidence of message %s, exported by the CoConnect gateway
                ==========================================================

                Messages between gateways are signed (XML Signature, RSA-SHA256 over the SOAP Body and the
                WS-Security Timestamp) and then encrypted (XML Encryption) for the receiver's certificate.
                Whoever holds an envelope as it travelled can prove nothing without the receiver's private key,
                so this archive holds each envelope twice:

                  *-as-received.xml / *-as-sent.xml   the envelope exactly as it was received or sent
                  *-decrypted.xml                     the same envelope decrypted with our key; the signature
                                                      is left exactly as the signer made it
                  *-signer.pem                        the certificate that signed it (from the envelope)

                Check a signature with xmlsec1 alone (the Body and the Timestamp are referenced by wsu:Id,
                which xmlsec1 must be told is an ID attribute):

                  %s

                "OK" means the signer's key signed that Body and Timestamp; a changed byte in them fails.
                Compare the signer certificate's SHA-256 (verification.txt) with the certificate the partner
                published: the archive does not ask you to trust our key store.

                Folders
                  exchanged-N-inbound/   a message we received and acknowledged: its envelope, decrypted and signed
                                         by the partner
                  exchanged-N-outbound/  a message we sent: payload-c14n.xml is its payload in exclusive
                                         canonical form, whose SHA-256 the partner's acknowledgement states
                  attempt-N-<outcome>/   each delivery attempt of an outbound message: envelope-as-sent.xml
                                         (signed by us, then encrypted for the partner: only the partner's key
                                         opens it), answer-as-received.xml and answer-as-received-decrypted.xml
                                         (the partner's signed acknowledgement); a failed attempt keeps only its
                                         time, error and payload digest (attempt.txt)
                  rejected-N/            a message we refused: its envelope as received, decrypted, and the problems
                  our-signing-certificate.pem   our current signing certificate

                Non-repudiation of an outbound message rests on the partner's signed acknowledgement: verify
                answer-as-received-decrypted.xml with its signer certificate, then compare its PayloadDigest
                (base64 of a SHA-256) with the SHA-256 of exchanged-N-outbound/payload-c14n.xml
                (e.g. sha256sum). Our own signature on what we sent is inside envelope-as-sent.xml, encrypted
                for the partner: the partner (or anyone it gives its key) decrypts it and verifies it with
                our-signing-certificate.pem using the command above.

                verification.txt holds the result of the same checks made by the gateway at export.
                """.formatted(messageId, verifyCommand.formatted("<signer.pem>", "<decrypted.xml>"));
    }
}
