package io.stratastor.rodent.events.core.impl.wire;

import com.google.protobuf.ByteString;
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
    // The shipper's thread writes one payload's JSON after another into its own.
    private final ThreadLocal<JsonBytes> jsonBuffers = ThreadLocal.withInitial(JsonBytes::new);
    private final ThreadLocal<int[]> fieldSpans = ThreadLocal.withInitial(() -> new int[3 * 16]);
    // A batch is mostly of a few payload types: the last one's name and message, matched on its bytes.
    private final ThreadLocal<LastPayloadType> lastPayloadTypes = ThreadLocal.withInitial(LastPayloadType::new);

    Encoder2025_09(EventCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Generation generation() {
        return Generation.V2025_09;
    }

    @Override
    public boolean encode(ByteBuffer record, WireOut out) {
        ByteBuffer view = record.duplicate();
        int base = view.position();
        int end = view.limit();
        // [field, start, end) of each top-level field, and the decoded level, category, payload type.
        int[] fields = fieldSpans.get();
        int count = 0;
        int level = 0;
        int category = 0;
        int payloadStart = -1;
        int payloadEnd = -1;
        int typeStart = -1;
        int typeEnd = -1;
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
                    case PAYLOAD_TYPE -> {
                        int length = in.readRawVarint32();
                        typeStart = base + in.getTotalBytesRead();
                        typeEnd = typeStart + length;
                        in.skipRawBytes(length);
                    }
                    default -> in.skipField(tag);
                }
                if (count == fields.length) {
                    fields = Arrays.copyOf(fields, fields.length * 2);
                    fieldSpans.set(fields);
                }
                fields[count++] = field;
                fields[count++] = start;
                fields[count++] = base + in.getTotalBytesRead();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("a stored record does not parse as an Event: " + e.getMessage(), e);
        }
        // What 2025-09 has no field for; made only for the few events that need it.
        Map<String, String> extra = null;
        if (level > LAST_LEVEL) {
            extra = new LinkedHashMap<>();
            extra.put(StoredPayload.LEVEL_KEY, Level.of(EventLevel.forNumber(level)).label());
            level = Level.INFO.number();
        }
        category = category == USAGE ? SYSTEM : category == DATA_TRANSFER ? STORAGE : category;
        JsonBytes json = null;
        if (typeEnd > typeStart) {
            json = json(record, lastPayloadTypes.get().prototype(record, typeStart, typeEnd, catalog), payloadStart, payloadEnd);
            if (json == null) {
                extra = extra == null ? new LinkedHashMap<>() : extra;
                StoredPayload.keepUndecoded(StoredPayload.event(record), extra);
            }
        }
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
        if (extra == null) {
            return false;
        }
        for (Map.Entry<String, String> entry : extra.entrySet()) {
            out.entry(METADATA, entry.getKey(), entry.getValue());
        }
        return !extra.isEmpty();
    }

    // Straight from the payload's bytes where the writer can, else through the message; null when the
    // catalogue lacks the payload's message or its bytes do not parse.
    private JsonBytes json(ByteBuffer record, Message prototype, int start, int end) {
        if (prototype == null) {
            return null;
        }
        ByteBuffer payload = start < 0 ? ByteBuffer.allocate(0) : record.duplicate().limit(end).position(start);
        JsonBytes json = jsonBuffers.get();
        if (prototype instanceof com.google.protobuf.Struct || !WireJson.write(prototype.getDescriptorForType(), payload, json)) {
            try {
                json.reset();
                json.put(GoJson.text(prototype.getParserForType().parseFrom(payload.duplicate())).getBytes(StandardCharsets.UTF_8));
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                return null;
            }
        }
        return json;
    }

    /**
     * The payload message of the last payload type seen, matched on the type's UTF-8 bytes in the
     * record, so that a run of events of one type decodes and looks up its name once. One thread's.
     */
    private static final class LastPayloadType {
        private byte[] name = new byte[0];
        private Message prototype;

        // The payload message for the type in record[start, end), or null when the catalogue lacks it.
        Message prototype(ByteBuffer record, int start, int end, EventCatalog catalog) {
            if (!matches(record, start, end)) {
                byte[] bytes = new byte[end - start];
                record.get(start, bytes);
                ByteString utf8 = ByteString.copyFrom(bytes);
                if (!utf8.isValidUtf8()) {
                    throw new IllegalArgumentException("a stored record's payload_type is not UTF-8");
                }
                String type = utf8.toStringUtf8();
                prototype = EventCatalog.STRUCT.equals(type) ? com.google.protobuf.Struct.getDefaultInstance()
                        : catalog.payloadPrototype(type).orElse(null);
                name = bytes;
            }
            return prototype;
        }

        private boolean matches(ByteBuffer record, int start, int end) {
            if (end - start != name.length) {
                return false;
            }
            for (int i = 0; i < name.length; i++) {
                if (record.get(start + i) != name[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
