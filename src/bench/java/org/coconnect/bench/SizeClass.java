package org.coconnect.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.coconnect.domain.MessageHeader;
import org.coconnect.ws.Contract;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.RequestBuilder;
import org.coconnect.ws.SampleCertificate;
import org.w3c.dom.Element;

/**
 * One payload size of the benchmark: a CO with n goods items, or the large CO, which carries a
 * scanned document of several MB as its AttachedDocument (how real COs get that big).
 */
record SizeClass(String name, int goodsItems, int attachmentBytes) {

    /** The sample CO's own attachment is a stub; the large one replaces it. */
    private static final int LARGE_GOODS_ITEMS = 100;

    static SizeClass parse(String name, double largeMegabytes) {
        if (name.equalsIgnoreCase("large")) {
            // base64 grows 4/3: pick the binary size that makes the CO about largeMegabytes of text.
            int binary = (int) (largeMegabytes * 1024 * 1024 * 3 / 4);
            return new SizeClass("large", LARGE_GOODS_ITEMS, binary);
        }
        try {
            int items = Integer.parseInt(name.trim());
            if (items < 1) {
                throw new IllegalArgumentException("a CO has at least one goods item: " + name);
            }
            return new SizeClass(String.valueOf(items), items, 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size must be a number of goods items or 'large': " + name, e);
        }
    }

    boolean isLarge() {
        return attachmentBytes > 0;
    }

    String label() {
        return isLarge() ? String.format(Locale.ROOT, "large (%d items + %.1f MB attachment)", goodsItems,
                attachmentBytes / 1024.0 / 1024.0) : goodsItems + (goodsItems == 1 ? " item" : " items");
    }

    /** Builds COs of this size with unique numbers; the attachment text is made once and shared. */
    Factory factory(String runToken) {
        return new Factory(this, runToken);
    }

    /** Makes the COs of one size class. */
    static final class Factory {
        private final SizeClass size;
        private final String runToken;
        private final String attachment;

        private Factory(SizeClass size, String runToken) {
            this.size = size;
            this.runToken = runToken;
            this.attachment = size.isLarge() ? base64Noise(size.attachmentBytes) : null;
        }

        /** A CO numbered uniquely for this run and sequence number; issued a minute ago. */
        Element certificate(long seq) {
            String number = "KR-" + runToken + "-" + size.name.charAt(0) + seq;
            Element co = SampleCertificate.create(number, 1, "KR", "ID", size.goodsItems, Instant.now().minusSeconds(60));
            if (attachment != null) {
                var content = co.getElementsByTagNameNS(Contract.CO_NAMESPACE, "Content");
                content.item(0).setTextContent(attachment);
            }
            return co;
        }

        /** The size of the send-co payload (header + CO) as serialised, before signing and encryption. */
        int payloadBytes(MessageHeader header) {
            Element payload = RequestBuilder.sendCo(header, certificate(0));
            return OutboundPayloadWriter.text(payload).getBytes(StandardCharsets.UTF_8).length;
        }

        static MessageHeader sampleHeader() {
            return new MessageHeader(UUID.randomUUID(), BenchGateways.KR, BenchGateways.ID, Instant.now(), null,
                    MessageHeader.SCHEMA_VERSION);
        }
    }

    /** Incompressible bytes, as a scanned PDF would be. */
    private static String base64Noise(int bytes) {
        byte[] data = new byte[bytes];
        new Random(42).nextBytes(data);
        return Base64.getEncoder().encodeToString(data);
    }
}
