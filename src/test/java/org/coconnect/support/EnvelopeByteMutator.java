package org.coconnect.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Hostile changes to the bytes of a signed and encrypted envelope, as a broken proxy, a truncating
 * network path or an attacker with a hex editor makes them: cut short, a byte flipped, bytes that are
 * not UTF-8, markup spliced in, a stretch repeated or cut out. Seeded, and each change is described.
 */
public final class EnvelopeByteMutator {

    private static final List<byte[]> SPLICES = List.of(
            "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>".getBytes(StandardCharsets.US_ASCII),
            "&a;".getBytes(StandardCharsets.US_ASCII), "]]>".getBytes(StandardCharsets.US_ASCII),
            "&#0;".getBytes(StandardCharsets.US_ASCII), "<x:y xmlns:x=\"\"/>".getBytes(StandardCharsets.US_ASCII),
            "<?xml version=\"1.1\"?>".getBytes(StandardCharsets.US_ASCII), "</soap:Envelope>".getBytes(StandardCharsets.US_ASCII),
            new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {0}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});

    private final Random random;

    public EnvelopeByteMutator(Random random) {
        this.random = random;
    }

    /** The envelope with one change; {@code description} receives what it was. */
    public byte[] mutate(byte[] envelope, StringBuilder description) {
        int at = random.nextInt(envelope.length);
        var out = new ByteArrayOutputStream();
        switch (random.nextInt(6)) {
            case 0 -> {
                out.write(envelope, 0, at);
                description.append("cut after byte ").append(at).append(", ").append(context(envelope, at));
            }
            case 1 -> {
                out.write(envelope, 0, envelope.length);
                byte[] bytes = out.toByteArray();
                bytes[at] ^= (byte) (1 << random.nextInt(8));
                description.append("flipped a bit of byte ").append(at).append(" after ").append(context(envelope, at));
                return bytes;
            }
            case 2, 3 -> {
                byte[] splice = SPLICES.get(random.nextInt(SPLICES.size()));
                out.write(envelope, 0, at);
                out.write(splice, 0, splice.length);
                out.write(envelope, at, envelope.length - at);
                description.append("spliced ").append(java.util.HexFormat.of().formatHex(splice)).append(" in at ").append(at)
                        .append(" after ").append(context(envelope, at));
            }
            case 4 -> {
                int length = Math.min(envelope.length - at, 1 + random.nextInt(400));
                out.write(envelope, 0, at + length);
                out.write(envelope, at, envelope.length - at);
                description.append("repeated ").append(length).append(" bytes at ").append(at).append(" after ")
                        .append(context(envelope, at));
            }
            default -> {
                int length = Math.min(envelope.length - at, 1 + random.nextInt(400));
                out.write(envelope, 0, at);
                out.write(envelope, at + length, envelope.length - at - length);
                description.append("cut ").append(length).append(" bytes out at ").append(at).append(" after ")
                        .append(context(envelope, at));
            }
        }
        return out.toByteArray();
    }

    /** The 60 characters before a position, so a failure says where in the envelope the change fell. */
    private static String context(byte[] envelope, int at) {
        int from = Math.max(0, at - 60);
        return "'" + new String(envelope, from, at - from, StandardCharsets.UTF_8).replaceAll("\\s+", " ") + "'";
    }
}
