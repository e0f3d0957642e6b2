package org.coconnect.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only file of signed audit checkpoints. It lives outside the database so that whoever can write
 * the database cannot also rewrite the evidence; the operator copies it elsewhere (log shipping, WORM storage).
 */
public final class AuditCheckpoints {

    private final Path file;

    public AuditCheckpoints(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Appends one checkpoint and forces it to disk before returning. */
    public void append(AuditCheckpoint checkpoint) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] line = (checkpoint.line() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Every checkpoint in file order; none when the file does not exist. */
    public List<AuditCheckpoint> read() throws IOException {
        var checkpoints = new ArrayList<AuditCheckpoint>();
        if (!Files.isRegularFile(file)) {
            return checkpoints;
        }
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                checkpoints.add(AuditCheckpoint.parse(line));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + number + ": " + e.getMessage(), e);
            }
        }
        return checkpoints;
    }
}
