package org.coconnect.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output and error of the commands, with C0 control bytes other than line feed and tab (and DEL)
 * written as {@code \}{@code uXXXX}: whatever a partner managed to put into an alert, a CO or a log reaches
 * the operator's terminal as text, never as an escape sequence. Bytes below 0x80 are never part of a
 * multi-byte UTF-8 character, so filtering them byte by byte keeps all other text intact.
 */
final class TerminalSafeStream extends FilterOutputStream {

    TerminalSafeStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        int c = b & 0xff;
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
            out.write(String.format("\\u%04x", c).getBytes(StandardCharsets.US_ASCII));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }
}
