package io.stratastor.rodent.events.toggle;

import static io.stratastor.rodent.events.toggle.TestEvents.batch;
import static io.stratastor.rodent.events.toggle.TestEvents.resilver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.stratastor.rodent.events.wire.v2025_09.Event;
import io.stratastor.rodent.events.wire.v2025_09.EventBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WireWalkTest {

    private static byte[] batchOf(int events) {
        EventBatch.Builder batch = EventBatch.newBuilder().setBatchId("b1").setBatchTimestamp(TestEvents.TIMESTAMP);
        for (int i = 0; i < events; i++) {
            batch.addEvents(resilver("e" + i, "tank"));
        }
        return batch.build().toByteArray();
    }

    // A message written field by field, for shapes no generated class writes.
    private static byte[] raw(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        writer.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    private interface Writer {
        void write(CodedOutputStream out) throws IOException;
    }

    @Test
    void countsTheEventsOfABatch() throws Exception {
        assertThat(WireWalk.count(batchOf(0), 1)).isZero();
        assertThat(WireWalk.count(batchOf(1), 1)).isEqualTo(1);
        assertThat(WireWalk.count(batchOf(500), 1)).isEqualTo(500);
        assertThat(WireWalk.count(batch("b2", resilver("x", "tank"), resilver("x", "tank")).toByteArray(), 1))
                .as("a counting walk does not deduplicate").isEqualTo(2);
    }

    @Test
    void countsTheEventsOf2025_12AsWell() throws Exception {
        byte[] batch = TestEvents.batch2025_12("b1", TestEvents.poolCreated("e1"), TestEvents.poolCreated("e2"),
                TestEvents.poolCreated("e3")).toByteArray();

        assertThat(WireWalk.count(batch, 1)).isEqualTo(3);
    }

    @Test
    void countsRecordsAlongANestedPathAcrossEveryLevel() throws Exception {
        // As OTLP's ExportLogsServiceRequest: 1 resource_logs { 1 resource, 2 scope_logs { 1 scope, 2 log_records } }.
        byte[] record = resilver("e1", "tank").toByteArray();
        byte[] scope = raw(out -> {
            out.writeByteArray(1, "scope".getBytes());
            out.writeByteArray(2, record);
            out.writeByteArray(2, record);
            out.writeString(3, "https://schema");
        });
        byte[] resource = raw(out -> {
            out.writeByteArray(1, new byte[] {0x0A, 0x00});
            out.writeByteArray(2, scope);
            out.writeByteArray(2, scope);
        });
        byte[] request = raw(out -> {
            out.writeByteArray(1, resource);
            out.writeByteArray(1, resource);
            out.writeByteArray(1, resource);
        });

        assertThat(WireWalk.count(request, 1, 2, 2)).isEqualTo(12);
        assertThat(WireWalk.count(request, 1, 2)).isEqualTo(6);
    }

    @Test
    void skipsUnknownFieldsOfEveryWireType() throws Exception {
        byte[] batch = raw(out -> {
            out.writeUInt64(7, Long.MAX_VALUE);
            out.writeFixed64(8, 1);
            out.writeFixed32(9, 1);
            out.writeByteArray(10, new byte[3]);
            out.writeByteArray(1, resilver("e1", "tank").toByteArray());
            out.writeInt64(2, TestEvents.TIMESTAMP);
        });

        assertThat(WireWalk.count(batch, 1)).isEqualTo(1);
    }

    @Test
    void refusesABatchCutShort() {
        byte[] whole = batchOf(3);
        for (int cut : new int[] {1, 2, whole.length / 2, whole.length - 1}) {
            byte[] truncated = Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> WireWalk.count(truncated, 1)).as("cut at %d of %d", cut, whole.length)
                    .isInstanceOf(WireWalk.MalformedException.class);
        }
    }

    @Test
    void refusesAnEventsFieldThatIsNotAMessage() throws IOException {
        byte[] batch = raw(out -> out.writeInt64(1, 42));

        assertThatThrownBy(() -> WireWalk.count(batch, 1)).isInstanceOf(WireWalk.MalformedException.class)
                .hasMessageContaining("field 1 has wire type 0");
    }

    @Test
    void refusesALengthPastTheEnd() {
        byte[] batch = {0x0A, 0x05, 0x01, 0x02};

        assertThatThrownBy(() -> WireWalk.count(batch, 1)).isInstanceOf(WireWalk.MalformedException.class)
                .hasMessageContaining("length 5 runs past the end");
    }

    @Test
    void refusesFieldNumberZeroGroupsAndReservedWireTypes() {
        for (byte[] batch : new byte[][] {{0x00, 0x01}, {0x13, 0x14}, {0x16}, {0x17}}) {
            assertThatThrownBy(() -> WireWalk.count(batch, 1)).as("tag %02x", batch[0]).isInstanceOf(WireWalk.MalformedException.class);
        }
    }

    @Test
    void refusesAnOverlongVarint() {
        byte[] varint = new byte[12];
        varint[0] = 0x10; // field 2, varint
        Arrays.fill(varint, 1, 12, (byte) 0x80);
        varint[11] = 0x01;

        assertThatThrownBy(() -> WireWalk.count(varint, 1)).isInstanceOf(WireWalk.MalformedException.class)
                .hasMessageContaining("longer than 10 bytes");
    }

    @Test
    void refusesAMalformedFieldInsideACountedEvent() throws IOException {
        // The event's own top level is walked: a length inside it that overruns the event is refused.
        byte[] event = Event.newBuilder().setEventId("e1").setPayload(ByteString.copyFromUtf8("{}")).build().toByteArray();
        byte[] broken = Arrays.copyOf(event, event.length);
        broken[1] = (byte) (event.length + 10); // event_id's length, now past the event's end
        byte[] batch = raw(out -> out.writeByteArray(1, broken));

        assertThatThrownBy(() -> WireWalk.count(batch, 1)).isInstanceOf(WireWalk.MalformedException.class)
                .hasMessageContaining("runs past the end");
    }

    @Test
    void refusesAnEmptyPath() {
        assertThatThrownBy(() -> WireWalk.count(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
