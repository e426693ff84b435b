package io.stratastor.rodent.events.core.impl.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDeadLettersTest {

    @Test
    void keepsTheRefusedBatchAsSentAndToggleReason(@TempDir Path dir) throws Exception {
        FileDeadLetters deadLetters = new FileDeadLetters(dir.resolve("dead-letters"));
        EventBatch batch = EventBatch.newBuilder().setBatchId("0195-b1").addEvents(Event.newBuilder().setEventId("e-1")).build();

        deadLetters.add(batch, "payload refused");

        assertThat(EventBatch.parseFrom(Files.readAllBytes(dir.resolve("dead-letters/0195-b1.batch")))).isEqualTo(batch);
        assertThat(Files.readString(dir.resolve("dead-letters/0195-b1.reason"), StandardCharsets.UTF_8)).isEqualTo("payload refused");
        assertThat(deadLetters.writeFailures()).isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("dead-letters"))))
                .isEqualTo("rwx------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("dead-letters/0195-b1.batch")))).isEqualTo("rw-------");
    }

    @Test
    void aDirectoryThatCannotBeMadeIsCountedNotThrown(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        FileDeadLetters deadLetters = new FileDeadLetters(file.resolve("dead-letters"));

        deadLetters.add(EventBatch.newBuilder().setBatchId("b").build(), "refused");

        assertThat(deadLetters.writeFailures()).isEqualTo(1);
    }

    @Test
    void batchIdsBecomeSafeFileNames(@TempDir Path dir) throws Exception {
        new FileDeadLetters(dir).add(EventBatch.newBuilder().setBatchId("../../etc/passwd").build(), "refused");

        assertThat(Files.exists(dir.resolve(".._.._etc_passwd.batch"))).isTrue();
    }
}
