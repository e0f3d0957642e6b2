package org.coconnect.support;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the xmlsec1 command line (the XML Security Library, Debian package xmlsec1) and writes PEM files for it. */
public final class XmlSec1 {

    /** What xmlsec1 did: its exit code and everything it printed. */
    public record Result(int exitCode, String output) {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private XmlSec1() {
    }

    /** Whether xmlsec1 is on the PATH. */
    public static boolean installed() {
        try {
            return run(List.of("--version")).succeeded();
        } catch (IllegalStateException e) {
            return false;
        }
    }

    public static Result run(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add("xmlsec1");
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("xmlsec1 did not finish within 60 s: " + command);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("xmlsec1 cannot be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A certificate as PEM, as xmlsec1's --pubkey-cert-pem reads it. */
    public static Path writePem(X509Certificate certificate, Path file) {
        try {
            return writePem("CERTIFICATE", certificate.getEncoded(), file);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A private key as unencrypted PKCS#8 PEM, as xmlsec1's --privkey-pem reads it. */
    public static Path writePem(Key privateKey, Path file) {
        return writePem("PRIVATE KEY", privateKey.getEncoded(), file);
    }

    private static Path writePem(String type, byte[] der, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("-----BEGIN " + type + "-----\n");
            out.write(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der));
            out.write("\n-----END " + type + "-----\n");
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }
}
