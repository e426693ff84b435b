package io.stratastor.rodent.events.core.impl.spool;

import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.CLOCK;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.copyOf;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.deleteRecursively;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.drain;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.event;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.recordBytes;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.segmentFiles;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.small;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventLevel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class FileSpoolPropertiesTest {

    /** One step against the spool and against the model. */
    sealed interface Step permits Append, Ship, Reopen, Crash {
    }

    record Append(int payload, EventLevel level) implements Step {
    }

    /** Peeks {@code peek} and acknowledges {@code acknowledge} of what came back. */
    record Ship(int peek, int acknowledge) implements Step {
    }

    record Reopen() implements Step {
    }

    record Crash() implements Step {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> append = Combinators.combine(Arbitraries.integers().between(0, 3_000),
                Arbitraries.of(EventLevel.EVENT_LEVEL_INFO, EventLevel.EVENT_LEVEL_CRITICAL)).as(Append::new);
        Arbitrary<Step> ship = Combinators.combine(Arbitraries.integers().between(1, 60), Arbitraries.integers().between(0, 60))
                .as(Ship::new);
        return Arbitraries.frequencyOf(Tuple.of(12, append), Tuple.of(4, ship), Tuple.of(1, Arbitraries.just(new Reopen())),
                Tuple.of(1, Arbitraries.just(new Crash()))).list().ofMaxSize(150);
    }

    @Property(tries = 60)
    void whatRemainsIsWhatWasAppendedAndNotAcknowledged(@ForAll("steps") List<Step> steps) throws IOException {
        Path root = Files.createTempDirectory("spool-model");
        try {
            List<Event> model = new ArrayList<>();
            Path directory = root.resolve("0");
            FileSpool spool = FileSpool.open(directory, small(), CLOCK, SpoolFiles.system());
            int index = 0;
            int generation = 0;
            for (Step step : steps) {
                if (step instanceof Append append) {
                    Event event = event(index++, append.payload(), append.level());
                    assertThat(spool.append(event)).isEqualTo(model.size() + 1);
                    model.add(event);
                } else if (step instanceof Ship ship) {
                    List<Event> batch = spool.peek(ship.peek(), Long.MAX_VALUE);
                    assertThat(batch).containsExactlyElementsOf(model.subList(0, Math.min(ship.peek(), model.size())));
                    int acknowledged = Math.min(ship.acknowledge(), batch.size());
                    spool.remove(acknowledged);
                    model.subList(0, acknowledged).clear();
                } else if (step instanceof Reopen) {
                    spool.close();
                    spool = FileSpool.open(directory, small(), CLOCK, SpoolFiles.system());
                } else {
                    Path crashed = copyOf(directory, Files.createDirectory(root.resolve(String.valueOf(++generation))));
                    spool.close();
                    directory = crashed;
                    spool = FileSpool.open(directory, small(), CLOCK, SpoolFiles.system());
                }
                assertThat(spool.size()).isEqualTo(model.size());
            }
            assertThat(drain(spool, 50)).containsExactlyElementsOf(model);
            spool.close();
        } finally {
            deleteRecursively(root);
        }
    }

    @Property(tries = 60)
    void randomDamageNeverYieldsABadRecordNeverThrowsAndSparesUntouchedRecords(
            @ForAll @IntRange(min = 1, max = 40) int damages, @ForAll long seed) throws IOException {
        Path directory = Files.createTempDirectory("spool-damage");
        try {
            Random random = new Random(seed);
            List<Event> appended = new ArrayList<>();
            List<int[]> layout = new ArrayList<>();
            try (FileSpool spool = FileSpool.open(directory, small(), CLOCK, SpoolFiles.system())) {
                int segment = 0;
                int offset = 0;
                for (int i = 0; i < 300; i++) {
                    Event event = event(i, random.nextInt(1_500));
                    assertThat(spool.append(event)).isPositive();
                    if (offset + recordBytes(event) > SpoolFixtures.SEGMENT) {
                        segment++;
                        offset = 0;
                    }
                    appended.add(event);
                    layout.add(new int[] {segment, offset, offset + recordBytes(event)});
                    offset += recordBytes(event);
                }
            }
            List<Path> segments = segmentFiles(directory);
            List<int[]> damaged = damage(segments, damages, random);

            List<Event> delivered;
            try (FileSpool spool = FileSpool.open(directory, small(), CLOCK, SpoolFiles.system())) {
                delivered = drain(spool, 40);
                assertThat(spool.size()).isZero();
            }

            assertThat(delivered).isSubsetOf(appended);
            assertThat(delivered.stream().map(Event::getEventId).toList()).isSorted().doesNotHaveDuplicates();
            for (int i = 0; i < appended.size(); i++) {
                if (untouched(layout.get(i), damaged)) {
                    assertThat(delivered).contains(appended.get(i));
                }
            }
        } finally {
            deleteRecursively(directory);
        }
    }

    // Flips bytes, zeroes or scribbles over ranges, or cuts a file short; returns {segment, from, to} of each.
    private static List<int[]> damage(List<Path> segments, int count, Random random) throws IOException {
        List<int[]> damaged = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int segment = random.nextInt(segments.size());
            try (FileChannel channel = FileChannel.open(segments.get(segment), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                int size = (int) channel.size();
                if (size == 0) {
                    continue;
                }
                int from = random.nextInt(size);
                int length = 1 + random.nextInt(Math.min(64, size - from));
                switch (random.nextInt(4)) {
                    case 0 -> {
                        ByteBuffer one = ByteBuffer.allocate(1);
                        channel.read(one, from);
                        one.put(0, (byte) (one.get(0) ^ (1 + random.nextInt(255)))).rewind();
                        channel.write(one, from);
                        length = 1;
                    }
                    case 1 -> channel.write(ByteBuffer.allocate(length), from);
                    case 2 -> {
                        byte[] garbage = new byte[length];
                        random.nextBytes(garbage);
                        channel.write(ByteBuffer.wrap(garbage), from);
                    }
                    default -> {
                        channel.truncate(from);
                        length = size - from;
                    }
                }
                damaged.add(new int[] {segment, from, from + length});
            }
        }
        return damaged;
    }

    private static boolean untouched(int[] record, List<int[]> damaged) {
        return damaged.stream().noneMatch(d -> d[0] == record[0] && d[1] < record[2] && d[2] > record[1]);
    }
}
