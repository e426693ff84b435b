package io.stratastor.rodent.events.core.impl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSafetyTest {

    @Test
    void aSpoolLinkOwnedByAnotherUserIsRefused(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectory(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("spool"), target);
        UserPrincipal nobody;
        try {
            nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.getFileAttributeView(link, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setOwner(nobody);
        } catch (IOException | UnsupportedOperationException cannotChown) {
            assumeThat(cannotChown).as("changing a link's owner needs root").isNull();
            return;
        }

        assertThatThrownBy(() -> FileSafety.checkSpoolDirectory(link))
                .hasMessageContaining("symbolic link owned by nobody").hasMessageContaining("refusing it");
    }

    @Test
    void aSpoolLinkOfTheNodesOwnUserAndAPlainDirectoryAreAccepted(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectory(dir.resolve("elsewhere"));

        assertThatCode(() -> FileSafety.checkSpoolDirectory(Files.createSymbolicLink(dir.resolve("spool"), target)))
                .doesNotThrowAnyException();
        assertThatCode(() -> FileSafety.checkSpoolDirectory(target)).doesNotThrowAnyException();
    }

    @Test
    void aTokenFileReadableByOthersIsReportedWithoutItsContent(@TempDir Path dir) throws IOException {
        Path token = Files.writeString(dir.resolve("toggle.jwt"), "eyJ-secret");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(FileSafety.tokenFileWarning(token.toString())).hasValueSatisfying(w ->
                assertThat(w).contains("readable by group or others").doesNotContain("eyJ-secret"));

        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        assertThat(FileSafety.tokenFileWarning(token.toString())).isEmpty();
    }
}
