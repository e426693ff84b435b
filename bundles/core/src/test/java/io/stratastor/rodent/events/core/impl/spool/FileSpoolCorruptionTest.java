package io.stratastor.rodent.events.core.impl.spool;

import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.CLOCK;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.drain;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.event;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.events;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.recordBytes;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.segmentFiles;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.small;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.proto.Event;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSpoolCorruptionTest {
    @TempDir
    Path temp;

    private final List<Event> appended = events(40, 600, 11);

    private FileSpool open() throws IOException {
        return FileSpool.open(temp, small(), CLOCK, SpoolFiles.system());
    }

    // All 40 events fit the first segment; returns it.
    private Path spoolAll() throws IOException {
        try (FileSpool spool = open()) {
            appended.forEach(spool::append);
        }
        assertThat(segmentFiles(temp)).hasSize(1);
        return segmentFiles(temp).get(0);
    }

    private int offsetOf(int index) {
        return appended.subList(0, index).stream().mapToInt(SpoolFixtures::recordBytes).sum();
    }

    private List<Event> without(int... indexes) {
        List<Event> kept = new ArrayList<>(appended);
        Arrays.stream(indexes).boxed().sorted((a, b) -> b - a).forEach(i -> kept.remove((int) i));
        return kept;
    }

    @Test
    void aTruncatedTailKeepsEveryWholeRecordAndQuarantinesThePart() throws IOException {
        Path segment = spoolAll();
        int cut = offsetOf(30) + recordBytes(appended.get(30)) / 2;
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(cut);
        }

        try (FileSpool spool = open()) {
            assertThat(drain(spool, 7)).containsExactlyElementsOf(appended.subList(0, 30));
            assertThat(spool.stats()).containsEntry("quarantined_records", 1L);
            assertThat(quarantined()).singleElement().satisfies(file ->
                    assertThat(file.getFileName().toString()).isEqualTo("segment-00000000000000000000-" + offsetOf(30) + ".bad"));
        }
    }

    @Test
    void aFlippedPayloadByteLosesOnlyThatRecord() throws IOException {
        Path segment = spoolAll();
        int damaged = offsetOf(17) + RecordFormat.HEADER + 5;
        flip(segment, damaged);

        try (FileSpool spool = open()) {
            assertThat(drain(spool, 10)).containsExactlyElementsOf(without(17));
            assertThat(spool.stats()).containsEntry("quarantined_records", 1L);
            long kept = Files.size(quarantined().get(0));
            assertThat(spool.stats()).containsEntry("quarantined_bytes", kept);
            assertThat(kept).isBetween(1L, (long) recordBytes(appended.get(17)));
        }
    }

    @Test
    void aBadLengthLosesOnlyThatRecord() throws IOException {
        Path segment = spoolAll();
        write(segment, offsetOf(5) + 4, ByteBuffer.allocate(4).putInt(0, 1_000_000));
        write(segment, offsetOf(9) + 4, ByteBuffer.allocate(4).putInt(0, 3));

        try (FileSpool spool = open()) {
            assertThat(drain(spool, 10)).containsExactlyElementsOf(without(5, 9));
            assertThat(spool.stats()).containsEntry("quarantined_records", 2L);
        }
    }

    @Test
    void garbageAfterTheLastRecordAndBeyondTheFileIsQuarantined() throws IOException {
        Path segment = spoolAll();
        byte[] garbage = "definitely not a record".getBytes();
        write(segment, offsetOf(40) + 100, ByteBuffer.wrap(garbage));
        Files.write(segment, garbage, StandardOpenOption.APPEND);

        try (FileSpool spool = open()) {
            assertThat(drain(spool, 10)).containsExactlyElementsOf(appended);
            assertThat(spool.stats()).containsEntry("quarantined_records", 1L);
            assertThat(Files.readAllBytes(quarantined().get(0))).startsWith(garbage).endsWith(garbage);
        }
    }

    @Test
    void recordsAfterAZeroedPageAreKept() throws IOException {
        Path segment = spoolAll();
        write(segment, 4096, ByteBuffer.allocate(4096));

        try (FileSpool spool = open()) {
            List<Event> delivered = drain(spool, 10);
            assertThat(delivered).isSubsetOf(appended).contains(appended.get(0), appended.get(39));
            for (int i = 0; i < 40; i++) {
                boolean untouched = offsetOf(i) + recordBytes(appended.get(i)) <= 4096 || offsetOf(i) >= 8192;
                if (untouched) {
                    assertThat(delivered).contains(appended.get(i));
                }
            }
        }
    }

    @Test
    void aZeroedCheckpointReplaysFromTheOldestSegment() throws IOException {
        spoolAll();
        try (FileSpool spool = open()) {
            spool.remove(spool.peek(25, Long.MAX_VALUE).size());
        }
        Path checkpoint = temp.resolve(Checkpoint.FILE_NAME);
        Files.write(checkpoint, new byte[(int) Files.size(checkpoint)]);

        try (FileSpool spool = open()) {
            assertThat(spool.stats()).containsEntry("checkpoint_lost", 1L);
            assertThat(drain(spool, 10)).containsExactlyElementsOf(appended);
        }
    }

    @Test
    void aMissingCheckpointReplaysFromTheOldestSegment() throws IOException {
        spoolAll();
        try (FileSpool spool = open()) {
            spool.remove(10);
        }
        Files.delete(temp.resolve(Checkpoint.FILE_NAME));

        try (FileSpool spool = open()) {
            assertThat(spool.stats()).containsEntry("checkpoint_lost", 1L);
            assertThat(spool.size()).isEqualTo(40);
        }
    }

    @Test
    void damageBeforeTheCheckpointCannotMakeLaterRecordsLookAcknowledged() throws IOException {
        spoolAll();
        try (FileSpool spool = open()) {
            spool.remove(spool.peek(20, Long.MAX_VALUE).size());
        }
        flip(segmentFiles(temp).get(0), offsetOf(3) + RecordFormat.HEADER + 1);

        try (FileSpool spool = open()) {
            assertThat(drain(spool, 10)).containsExactlyElementsOf(appended.subList(20, 40));
            assertThat(spool.stats()).containsEntry("quarantined_records", 0L);
        }
    }

    @Test
    void damageFoundAgainAtTheNextStartIsKeptOnce() throws IOException {
        Path segment = spoolAll();
        flip(segment, offsetOf(2) + RecordFormat.HEADER);
        open().close();

        try (FileSpool spool = open()) {
            assertThat(spool.stats()).containsEntry("quarantined_records", 1L);
            assertThat(quarantined()).hasSize(1);
            assertThat(spool.size()).isEqualTo(39);
        }
    }

    @Test
    void damageWrittenUnderARunningSpoolIsSkippedAndKept() throws IOException {
        try (FileSpool spool = open()) {
            appended.forEach(spool::append);
            flip(segmentFiles(temp).get(0), offsetOf(8) + RecordFormat.HEADER + 2);

            assertThat(spool.peek(100, Long.MAX_VALUE)).containsExactlyElementsOf(without(8));
            assertThat(spool.stats()).containsEntry("quarantined_records", 1L);
        }
    }

    @Test
    void aRecordThatIsNoEventIsSkippedAtTheHead() throws IOException {
        byte[] notAnEvent = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        Path segment;
        try (FileSpool spool = open()) {
            spool.append(event(0, 10));
            segment = segmentFiles(temp).get(0);
        }
        ByteBuffer record = ByteBuffer.allocate(recordBytes(event(0, 10)));
        RecordFormat.write(record, 0, notAnEvent, RecordFormat.crc(notAnEvent));
        write(segment, 0, record);

        try (FileSpool spool = open()) {
            spool.append(event(1, 10));
            assertThat(spool.size()).isEqualTo(2);
            assertThat(spool.peek(10, Long.MAX_VALUE)).containsExactly(event(1, 10));
            assertThat(spool.size()).isEqualTo(1);
            assertThat(spool.stats()).containsEntry("quarantined_records", 1L);
        }
    }

    private List<Path> quarantined() throws IOException {
        try (Stream<Path> files = Files.list(temp.resolve(Quarantine.DIRECTORY))) {
            return files.toList();
        }
    }

    private static void flip(Path file, int offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) ~one.get(0)).rewind();
            channel.write(one, offset);
        }
    }

    private static void write(Path file, int offset, ByteBuffer bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(bytes.rewind(), offset);
        }
    }
}
