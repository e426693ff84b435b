package io.stratastor.rodent.events.core.impl.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordFormatTest {
    private final ByteBuffer segment = ByteBuffer.allocate(1_024);
    private final List<int[]> damage = new ArrayList<>();

    private int put(int offset, String payload) {
        byte[] bytes = payload.getBytes();
        RecordFormat.write(segment, offset, bytes, RecordFormat.crc(bytes));
        return offset + RecordFormat.HEADER + bytes.length;
    }

    private int next(int from) {
        return RecordFormat.nextIntact(segment, from, segment.capacity(), (a, b) -> damage.add(new int[] {a, b}));
    }

    @Test
    void aRecordReadsBackAndZerosEndTheData() {
        int end = put(0, "first");
        put(end, "second");

        assertThat(next(0)).isZero();
        byte[] payload = new byte[RecordFormat.payloadLength(segment, 0)];
        segment.get(RecordFormat.HEADER, payload);
        assertThat(new String(payload)).isEqualTo("first");
        assertThat(next(end)).isEqualTo(end);
        assertThat(next(end + RecordFormat.size(segment, end))).isEqualTo(-1);
        assertThat(damage).isEmpty();
    }

    @Test
    void damageIsReportedFromItsFirstToPastItsLastNonZeroByteAndTheNextRecordFound() {
        int second = put(0, "first");
        int third = put(second, "second");
        put(third, "third");
        segment.put(second + RecordFormat.HEADER + 1, (byte) 'X');

        assertThat(next(second)).isEqualTo(third);
        assertThat(damage).singleElement().satisfies(range -> assertThat(range).containsExactly(second, third));
    }

    @Test
    void aMarkerFollowedByZerosIsNoRecord() {
        segment.putInt(100, RecordFormat.MARKER);

        assertThat(next(0)).isEqualTo(-1);
        assertThat(damage).singleElement().satisfies(range -> assertThat(range).containsExactly(100, 104));
    }

    @Test
    void aRecordAfterAZeroedHoleIsFound() {
        int after = put(600, "after the hole");

        assertThat(next(0)).isEqualTo(600);
        assertThat(after).isGreaterThan(600);
        assertThat(damage).isEmpty();
    }

    @Test
    void aLengthPastTheLimitIsDamage() {
        put(0, "short");
        segment.putInt(4, 10_000);

        assertThat(next(0)).isEqualTo(-1);
        assertThat(damage).hasSize(1);
    }
}
