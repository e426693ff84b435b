package io.stratastor.rodent.events.core.impl.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Opens the spool's files, owner-only where the file system has POSIX permissions; a seam where
 * tests inject disk failures. Implementations are thread-safe.
 */
interface SpoolFiles {
    String LOCK_FILE = "lock";

    FileChannel open(Path file, Set<? extends OpenOption> options) throws IOException;

    /** The real file system: directories 0700, files 0600 when created, on file systems that have them. */
    static SpoolFiles system() {
        return (file, options) -> {
            if (options.contains(StandardOpenOption.CREATE) || options.contains(StandardOpenOption.CREATE_NEW)) {
                return FileChannel.open(file, options, ownerOnly(file, "rw-------"));
            }
            return FileChannel.open(file, options);
        };
    }

    static void createDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, ownerOnly(directory, "rwx------"));
        }
    }

    /**
     * Takes the spool directory for this process alone, until the returned lock's channel is
     * closed: two spools on one directory would delete each other's mapped files.
     *
     * @throws IOException when another spool, here or in another process, holds it
     */
    static FileLock lock(Path directory, SpoolFiles files) throws IOException {
        FileChannel channel = files.open(directory.resolve(LOCK_FILE), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE));
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            channel.close();
            throw new IOException(inUse(directory), heldInThisJvm);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException(inUse(directory));
        }
        return lock;
    }

    private static String inUse(Path directory) {
        return "event spool " + directory + " is in use by another spool; close that one first";
    }

    /**
     * Deletes a segment file, emptying it first: a dropped mapping of it lives on until the
     * garbage collector finds it, and keeps the file's blocks allocated until then unless emptied.
     * No mapping of it may be read or written afterwards.
     */
    static void discard(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        } catch (NoSuchFileException gone) {
            return;
        }
        Files.deleteIfExists(file);
    }

    private static FileAttribute<?>[] ownerOnly(Path path, String permissions) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix") ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
