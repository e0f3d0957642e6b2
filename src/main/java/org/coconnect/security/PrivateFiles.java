package org.coconnect.security;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold private material (keystores, passwords, credentials, tokens): created readable by their owner
 * only (0600) in directories only their owner may enter (0700), whatever the process umask. The permissions are
 * given when a file is created, never set afterwards, so there is no moment when another user could open it.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates the directory and any missing parents, each new one 0700; existing ones are left as they are. */
    public static void createDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        if (absolute.getParent() != null) {
            createDirectories(absolute.getParent());
        }
        try {
            Files.createDirectory(absolute, attributes(absolute, DIRECTORY));
        } catch (FileAlreadyExistsException e) {
            // Created meanwhile by another thread or process: fine.
        }
    }

    /** Creates a new empty file, 0600, and its missing directories, 0700. */
    public static void createFile(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        createDirectories(absolute.getParent());
        Files.createFile(absolute, attributes(absolute, FILE));
    }

    /** Writes the whole file anew: into a fresh 0600 file beside it, then moved over it in one step. */
    public static void write(Path file, byte[] content) throws IOException {
        Path absolute = file.toAbsolutePath();
        createDirectories(absolute.getParent());
        Path tmp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, attributes(tmp, FILE));
        Files.write(tmp, content);
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> permissions) {
        // Not a POSIX file system (Windows): rely on the protection of the directory the operator chose.
        return path.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }
}
