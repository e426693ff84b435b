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
    // The shipper's thread writes one payload's JSON after another into its own.
    private final ThreadLocal<JsonBytes> jsonBuffers = ThreadLocal.withInitial(JsonBytes::new);
    private final ThreadLocal<int[]> fieldSpans = ThreadLocal.withInitial(() -> new int[3 * 16]);

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
                    fieldSpans.set(fields);
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
        JsonBytes json = null;
        if (!payloadType.isEmpty()) {
            json = json(record, payloadType, payloadStart, payloadEnd);
            if (json == null) {
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
        for (Map.Entry<String, String> entry : extra.entrySet()) {
            out.entry(METADATA, entry.getKey(), entry.getValue());
        }
        return !extra.isEmpty();
    }

    // Straight from the payload's bytes where the writer can, else through the message; null when the
    // catalogue lacks the payload's message or its bytes do not parse.
    private JsonBytes json(ByteBuffer record, String payloadType, int start, int end) {
        Message prototype = EventCatalog.STRUCT.equals(payloadType) ? com.google.protobuf.Struct.getDefaultInstance()
                : catalog.payloadPrototype(payloadType).orElse(null);
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
}
