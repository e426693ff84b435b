package io.stratastor.rodent.events.core.impl.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path temp;

    @Test
    void theNewestPositionIsReadBackAfterReopen() throws IOException {
        Checkpoint checkpoint = Checkpoint.open(temp, SpoolFiles.system());
        checkpoint.write(new Checkpoint.Position(4, 0, 100));
        checkpoint.write(new Checkpoint.Position(9, 5, 60));
        checkpoint.close();

        Checkpoint reopened = Checkpoint.open(temp, SpoolFiles.system());
        reopened.write(new Checkpoint.Position(12, 5, 90));
        reopened.close();

        assertThat(Checkpoint.read(temp)).contains(new Checkpoint.Position(12, 5, 90));
    }

    @Test
    void aTornNewestSlotFallsBackToTheOneBefore() throws IOException {
        Checkpoint checkpoint = Checkpoint.open(temp, SpoolFiles.system());
        checkpoint.write(new Checkpoint.Position(4, 0, 100));
        checkpoint.write(new Checkpoint.Position(9, 5, 60));
        checkpoint.close();
        // Slots alternate; the second write went to the first slot.
        try (FileChannel channel = FileChannel.open(temp.resolve(Checkpoint.FILE_NAME), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), 10);
        }

        assertThat(Checkpoint.read(temp)).contains(new Checkpoint.Position(4, 0, 100));
    }

    @Test
    void aZeroedOrMissingCheckpointReadsAsNone() throws IOException {
        assertThat(Checkpoint.read(temp)).isEmpty();
        Files.write(temp.resolve(Checkpoint.FILE_NAME), new byte[128]);

        assertThat(Checkpoint.read(temp)).isEmpty();
    }
}
