package io.stratastor.rodent.events.core.impl.spool;

import com.google.protobuf.ByteString;
import io.stratastor.rodent.events.core.impl.settings.FsyncPolicy;
import io.stratastor.rodent.events.core.impl.settings.OverflowPolicy;
import io.stratastor.rodent.events.core.impl.settings.SpoolSettings;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Events, settings and file tricks the spool tests share. */
final class SpoolFixtures {
    static final int SEGMENT = SpoolSettings.MIN_FILE_SIZE;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);

    private SpoolFixtures() {
    }

    /** Small segments, room for everything, nothing forced. */
    static SpoolSettings small() {
        return new SpoolSettings(SEGMENT, 1L << 40, FsyncPolicy.NONE, Duration.ofSeconds(1), OverflowPolicy.BY_LEVEL);
    }

    static Event event(int index, int payloadBytes, EventLevel level) {
        byte[] payload = new byte[payloadBytes];
        new Random(index).nextBytes(payload);
        return Event.newBuilder()
                .setEventId(String.format("event-%08d", index))
                .setEventType("storage.pool.resilvered")
                .setLevel(level)
                .setSource("spool-test")
                .setTimestamp(1_700_000_000_000L + index)
                .setPayload(ByteString.copyFrom(payload))
                .build();
    }

    static Event event(int index, int payloadBytes) {
        return event(index, payloadBytes, EventLevel.EVENT_LEVEL_INFO);
    }

    /** {@code count} events of sizes from 0 to {@code maxPayload} bytes, the same for the same seed. */
    static List<Event> events(int count, int maxPayload, long seed) {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event(i, random.nextInt(maxPayload + 1)));
        }
        return events;
    }

    /** The encoded size of the record holding {@code event}. */
    static int recordBytes(Event event) {
        return RecordFormat.HEADER + event.getSerializedSize();
    }

    /** Takes everything pending, {@code batch} at a time, acknowledging each batch. */
    static List<Event> drain(FileSpool spool, int batch) {
        List<Event> delivered = new ArrayList<>();
        while (spool.size() > 0) {
            List<Event> events = spool.peek(batch, Long.MAX_VALUE);
            if (events.isEmpty()) {
                break;
            }
            delivered.addAll(events);
            spool.remove(events.size());
        }
        return delivered;
    }

    static List<Path> segmentFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> Segment.baseOf(file.getFileName().toString()).isPresent()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a crash leaves: the files as the page cache holds them this instant. */
    static Path copyOf(Path directory, Path target) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(directory.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
