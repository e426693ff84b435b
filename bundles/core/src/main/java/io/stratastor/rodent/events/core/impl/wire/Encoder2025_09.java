package io.stratastor.rodent.events.core.impl.wire;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Message;
import com.google.protobuf.WireFormat;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.EventLevel;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generation 2025-09: fields 1–8 of {@code rodent.Event}, the payload as Go's JSON
 * ({@link GoJson}), nothing in 9–20. A level 2025-09 lacks travels as {@code INFO} with its name in
 * {@code metadata["rodent.level"]}; the categories {@code usage} and {@code data_transfer} travel
 * as {@code SYSTEM} and {@code STORAGE}, their dotted type naming them.
 *
 * <p>The stored record is spliced, not rebuilt: fields 1, 2, 5, 6 and 8 are its own bytes, field 7
 * is written as JSON straight from the payload's encoding ({@link WireJson}; the payload message
 * is built only where that reader declines), level and category are written again, field 9 is
 * left out. Thread-safe.
 */
final class Encoder2025_09 implements WireEncoder {
    private static final int LAST_LEVEL = 4;
    private static final int USAGE = 9;
    private static final int DATA_TRANSFER = 10;
    private static final int SYSTEM = 1;
    private static final int STORAGE = 2;
    private static final int LEVEL = 3;
    private static final int CATEGORY = 4;
    private static final int PAYLOAD = 7;
    private static final int METADATA = 8;
    private static final int PAYLOAD_TYPE = 9;

    private final EventCatalog catalog;

    Encoder2025_09(EventCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Generation generation() {
        return Generation.V2025_09;
    }

    @Override
    public WireEvent encode(ByteBuffer record) {
        ByteBuffer view = record.duplicate();
        int base = view.position();
        int end = view.limit();
        // [field, start, end) of each top-level field, and the decoded level, category, payload type.
        int[] fields = new int[3 * 16];
        int count = 0;
        int level = 0;
        int category = 0;
        int payloadStart = -1;
        int payloadEnd = -1;
        String payloadType = "";
        try {
            CodedInputStream in = CodedInputStream.newInstance(view);
            while (true) {
                int start = base + in.getTotalBytesRead();
                int tag = in.readTag();
                if (tag == 0) {
                    break;
                }
                int field = WireFormat.getTagFieldNumber(tag);
                switch (field) {
                    case LEVEL -> level = in.readEnum();
                    case CATEGORY -> category = in.readEnum();
                    case PAYLOAD -> {
                        int length = in.readRawVarint32();
                        payloadStart = base + in.getTotalBytesRead();
                        payloadEnd = payloadStart + length;
                        in.skipRawBytes(length);
                    }
                    case PAYLOAD_TYPE -> payloadType = in.readStringRequireUtf8();
                    default -> in.skipField(tag);
                }
                if (count == fields.length) {
                    fields = Arrays.copyOf(fields, fields.length * 2);
                }
                fields[count++] = field;
                fields[count++] = start;
                fields[count++] = base + in.getTotalBytesRead();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("a stored record does not parse as an Event: " + e.getMessage(), e);
        }
        Map<String, String> extra = new LinkedHashMap<>();
        if (level > LAST_LEVEL) {
            extra.put(StoredPayload.LEVEL_KEY, Level.of(EventLevel.forNumber(level)).label());
            level = Level.INFO.number();
        }
        category = category == USAGE ? SYSTEM : category == DATA_TRANSFER ? STORAGE : category;
        byte[] json = null;
        if (!payloadType.isEmpty()) {
            json = json(record, payloadType, payloadStart, payloadEnd);
            if (json == null) {
                StoredPayload.keepUndecoded(StoredPayload.event(record), extra);
            }
        }
        Out out = new Out(end - base + (json == null ? 0 : json.length) + 64 * (1 + extra.size()));
        boolean levelWritten = false;
        boolean categoryWritten = false;
        boolean payloadWritten = false;
        for (int i = 0; i < count; i += 3) {
            int field = fields[i];
            // Fields in number order: level, category and payload go where they stood, or where they would have.
            if (field > LEVEL && !levelWritten) {
                out.varintField(LEVEL, level);
                levelWritten = true;
            }
            if (field > CATEGORY && !categoryWritten) {
                out.varintField(CATEGORY, category);
                categoryWritten = true;
            }
            if (field > PAYLOAD && !payloadWritten) {
                out.bytesField(PAYLOAD, json);
                payloadWritten = true;
            }
            switch (field) {
                case LEVEL, CATEGORY, PAYLOAD, PAYLOAD_TYPE -> {
                }
                default -> out.copy(record, fields[i + 1], fields[i + 2]);
            }
        }
        if (!levelWritten) {
            out.varintField(LEVEL, level);
        }
        if (!categoryWritten) {
            out.varintField(CATEGORY, category);
        }
        if (!payloadWritten) {
            out.bytesField(PAYLOAD, json);
        }
        for (Map.Entry<String, String> entry : extra.entrySet()) {
            out.entry(METADATA, entry.getKey(), entry.getValue());
        }
        return new WireEvent(out.bytes(), !extra.isEmpty());
    }

    // Straight from the payload's bytes where the reader can, else through the message; null when the
    // catalogue lacks the payload's message or its bytes do not parse.
    private byte[] json(ByteBuffer record, String payloadType, int start, int end) {
        Message prototype = EventCatalog.STRUCT.equals(payloadType) ? com.google.protobuf.Struct.getDefaultInstance()
                : catalog.payloadPrototype(payloadType).orElse(null);
        if (prototype == null) {
            return null;
        }
        ByteBuffer payload = start < 0 ? ByteBuffer.allocate(0) : record.duplicate().limit(end).position(start);
        String text = prototype instanceof com.google.protobuf.Struct ? null : WireJson.of(prototype.getDescriptorForType(), payload);
        if (text == null) {
            try {
                text = GoJson.text(prototype.getParserForType().parseFrom(payload.duplicate()));
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                return null;
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A growing byte array with protobuf's field writers. */
    private static final class Out {
        private byte[] bytes;
        private int size;

        Out(int capacity) {
            bytes = new byte[Math.max(capacity, 64)];
        }

        void copy(ByteBuffer from, int start, int end) {
            ensure(end - start);
            from.duplicate().position(start).limit(end).get(bytes, size, end - start);
            size += end - start;
        }

        // Proto3 leaves a zero out.
        void varintField(int field, long value) {
            if (value == 0) {
                return;
            }
            ensure(16);
            bytes[size++] = (byte) (field << 3);
            size = Varints.put(bytes, size, value);
        }

        void bytesField(int field, byte[] value) {
            if (value == null || value.length == 0) {
                return;
            }
            ensure(16 + value.length);
            bytes[size++] = (byte) (field << 3 | 2);
            size = Varints.put(bytes, size, value.length);
            System.arraycopy(value, 0, bytes, size, value.length);
            size += value.length;
        }

        // A map entry: key (1) and value (2), both always present, as protobuf writes them.
        void entry(int field, String key, String value) {
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            byte[] v = value.getBytes(StandardCharsets.UTF_8);
            int length = 1 + Varints.size(k.length) + k.length + 1 + Varints.size(v.length) + v.length;
            ensure(16 + length);
            bytes[size++] = (byte) (field << 3 | 2);
            size = Varints.put(bytes, size, length);
            bytes[size++] = 1 << 3 | 2;
            size = Varints.put(bytes, size, k.length);
            System.arraycopy(k, 0, bytes, size, k.length);
            size += k.length;
            bytes[size++] = 2 << 3 | 2;
            size = Varints.put(bytes, size, v.length);
            System.arraycopy(v, 0, bytes, size, v.length);
            size += v.length;
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
