package io.stratastor.rodent.events.core.impl.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks on the files the core trusts: a spool directory reached through someone else's symbolic
 * link is refused (it would let that user redirect or read the node's events), and a token file
 * readable by group or others is reported. Stateless; thread-safe.
 */
public final class FileSafety {
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);

    private FileSafety() {
    }

    /**
     * @throws IOException naming the link and both owners when {@code directory} is a symbolic link
     *     owned by another user than the one running the node
     */
    public static void checkSpoolDirectory(Path directory) throws IOException {
        if (!Files.isSymbolicLink(directory)) {
            return;
        }
        UserPrincipal owner = Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS);
        String me = System.getProperty("user.name");
        if (!owner.getName().equals(me)) {
            throw new IOException("spool directory " + directory + " is a symbolic link owned by " + owner.getName()
                    + ", not by " + me + " who runs the node; refusing it (point spool_directory at a directory of " + me + ")");
        }
    }

    /** A warning when the token file can be read by group or others; empty when it cannot, or on non-POSIX file systems. */
    public static Optional<String> tokenFileWarning(String file) {
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(Path.of(file.trim()));
            if (permissions.stream().anyMatch(SHARED::contains)) {
                return Optional.of("toggle.jwt_file " + file.trim() + " is readable by group or others; restrict it to the node's user (chmod 600)");
            }
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
