package io.stratastor.rodent.events.core.impl.wire;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link GoJson}'s output written straight from a payload's protobuf encoding into UTF-8 bytes,
 * without building the message or its strings: the shipper's hot path for 2025-09. Fields are
 * written as they are read (protobuf writes them in field-number order, which is the seed's
 * declaration order); strings are escaped from their UTF-8 bytes; a zero singular value is left
 * out. Anything this writer does not handle — a message field, an enum, bytes, a group, an unknown
 * field, a field out of order or twice, text that is not UTF-8 — makes it answer false, and the
 * caller takes the reflective {@link GoJson}. Thread-safe: each call writes into the sink it is given.
 */
final class WireJson {
    // "name": of each field, escaped once.
    private static final Map<FieldDescriptor, byte[]> NAMES = new ConcurrentHashMap<>();

    private WireJson() {
    }

    /** The payload's Go JSON, or null when this writer cannot write it alone; for tests. */
    static String of(Descriptor message, ByteBuffer payload) {
        JsonBytes out = new JsonBytes();
        return write(message, payload, out) ? out.text() : null;
    }

    /** Writes the payload's Go JSON into {@code out} (reset first); false when the reflective writer must. */
    static boolean write(Descriptor message, ByteBuffer payload, JsonBytes out) {
        out.reset();
        try {
            return write(message, payload.duplicate(), payload.position(), out);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean write(Descriptor message, ByteBuffer payload, int base, JsonBytes out) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(payload);
        out.put('{');
        FieldDescriptor current = null;
        TreeMap<String, String> map = null;
        int lastIndex = -1;
        boolean first = true;
        while (true) {
            int tag = in.readTag();
            FieldDescriptor field = tag == 0 ? null : message.findFieldByNumber(WireFormat.getTagFieldNumber(tag));
            if (tag != 0 && !writable(field)) {
                return false;
            }
            if (field != current || field == null) {
                if (current != null && current.isRepeated()) {
                    if (map != null) {
                        map(out, map);
                        map = null;
                    } else {
                        out.put(']');
                    }
                }
                if (field == null) {
                    break;
                }
                if (field.getIndex() <= lastIndex) {
                    return false;
                }
                lastIndex = field.getIndex();
                current = field;
                if (field.isRepeated()) {
                    first = name(out, field, first);
                    if (field.isMapField()) {
                        map = new TreeMap<>();
                    } else {
                        out.put('[');
                    }
                }
            } else if (!field.isRepeated()) {
                return false;
            }
            if (field.isMapField()) {
                entry(in, map);
            } else if (field.isRepeated()) {
                repeated(in, payload, base, field, tag, out);
            } else {
                first = singular(in, payload, base, field, out, first);
            }
        }
        out.put('}');
        return true;
    }

    private static boolean writable(FieldDescriptor field) {
        if (field == null) {
            return false;
        }
        FieldDescriptor.JavaType type = field.getJavaType();
        return type == FieldDescriptor.JavaType.MESSAGE ? field.isMapField() && mapOfStrings(field)
                : type != FieldDescriptor.JavaType.ENUM && type != FieldDescriptor.JavaType.BYTE_STRING;
    }

    private static boolean mapOfStrings(FieldDescriptor field) {
        Descriptor entry = field.getMessageType();
        return entry.findFieldByNumber(1).getJavaType() == FieldDescriptor.JavaType.STRING
                && entry.findFieldByNumber(2).getJavaType() == FieldDescriptor.JavaType.STRING;
    }

    // "name": after a comma unless first; false from then on.
    private static boolean name(JsonBytes out, FieldDescriptor field, boolean first) {
        if (!first) {
            out.put(',');
        }
        out.put(NAMES.computeIfAbsent(field, f -> {
            StringBuilder text = new StringBuilder();
            GoJson.string(text, f.getName());
            return text.append(':').toString().getBytes(StandardCharsets.UTF_8);
        }));
        return false;
    }

    // A singular value, left out when zero as Go's omitempty leaves it.
    private static boolean singular(CodedInputStream in, ByteBuffer payload, int base, FieldDescriptor field, JsonBytes out,
            boolean first) throws IOException {
        if (field.getJavaType() == FieldDescriptor.JavaType.STRING) {
            int length = in.readRawVarint32();
            int start = base + in.getTotalBytesRead();
            in.skipRawBytes(length);
            if (length == 0) {
                return first;
            }
            boolean next = name(out, field, first);
            if (!out.utf8String(payload, start, start + length)) {
                throw new IOException("not UTF-8");
            }
            return next;
        }
        Number number = null;
        long bits = 0;
        boolean flag = false;
        switch (field.getJavaType()) {
            case BOOLEAN -> {
                flag = in.readBool();
                if (!flag) {
                    return first;
                }
            }
            case FLOAT, DOUBLE -> {
                number = field.getJavaType() == FieldDescriptor.JavaType.FLOAT ? (Number) in.readFloat() : (Number) in.readDouble();
                if (number.doubleValue() == 0) {
                    return first;
                }
            }
            default -> {
                bits = integer(in, field);
                if (bits == 0) {
                    return first;
                }
            }
        }
        boolean next = name(out, field, first);
        scalar(out, field, number, bits, flag);
        return next;
    }

    private static void repeated(CodedInputStream in, ByteBuffer payload, int base, FieldDescriptor field, int tag, JsonBytes out)
            throws IOException {
        boolean packed = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED
                && field.getJavaType() != FieldDescriptor.JavaType.STRING;
        int limit = packed ? in.pushLimit(in.readRawVarint32()) : -1;
        do {
            // The bracket was written with the first value; each later one follows a comma.
            if (out.array()[out.size() - 1] != '[') {
                out.put(',');
            }
            if (field.getJavaType() == FieldDescriptor.JavaType.STRING) {
                int length = in.readRawVarint32();
                int start = base + in.getTotalBytesRead();
                in.skipRawBytes(length);
                if (!out.utf8String(payload, start, start + length)) {
                    throw new IOException("not UTF-8");
                }
            } else if (field.getJavaType() == FieldDescriptor.JavaType.BOOLEAN) {
                scalar(out, field, null, 0, in.readBool());
            } else if (field.getJavaType() == FieldDescriptor.JavaType.FLOAT) {
                scalar(out, field, in.readFloat(), 0, false);
            } else if (field.getJavaType() == FieldDescriptor.JavaType.DOUBLE) {
                scalar(out, field, in.readDouble(), 0, false);
            } else {
                scalar(out, field, null, integer(in, field), false);
            }
        } while (packed && !in.isAtEnd());
        if (packed) {
            in.popLimit(limit);
        }
    }

    private static long integer(CodedInputStream in, FieldDescriptor field) throws IOException {
        return switch (field.getType()) {
            case INT32 -> in.readInt32();
            case SINT32 -> in.readSInt32();
            case SFIXED32 -> in.readSFixed32();
            case UINT32 -> in.readUInt32() & 0xFFFF_FFFFL;
            case FIXED32 -> in.readFixed32() & 0xFFFF_FFFFL;
            case INT64 -> in.readInt64();
            case SINT64 -> in.readSInt64();
            case SFIXED64 -> in.readSFixed64();
            case UINT64 -> in.readUInt64();
            case FIXED64 -> in.readFixed64();
            default -> throw new IOException("no integer reader for " + field.getType());
        };
    }

    private static void scalar(JsonBytes out, FieldDescriptor field, Number number, long bits, boolean flag) {
        switch (field.getJavaType()) {
            case BOOLEAN -> out.ascii(flag ? "true" : "false");
            case FLOAT -> out.ascii(GoJson.number(GoJson.shortest(number.floatValue()), number.floatValue()));
            case DOUBLE -> out.ascii(GoJson.number(GoJson.shortest(number.doubleValue()), number.doubleValue()));
            default -> {
                if (field.getType() == FieldDescriptor.Type.UINT64 || field.getType() == FieldDescriptor.Type.FIXED64) {
                    out.unsignedDecimal(bits);
                } else {
                    out.decimal(bits);
                }
            }
        }
    }

    private static void entry(CodedInputStream in, TreeMap<String, String> map) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        String key = "";
        String value = "";
        while (!in.isAtEnd()) {
            int entryTag = in.readTag();
            switch (WireFormat.getTagFieldNumber(entryTag)) {
                case 1 -> key = in.readStringRequireUtf8();
                case 2 -> value = in.readStringRequireUtf8();
                default -> in.skipField(entryTag);
            }
        }
        in.popLimit(limit);
        map.put(key, value);
    }

    // Go sorts a map's keys.
    private static void map(JsonBytes out, TreeMap<String, String> map) {
        out.put('{');
        boolean firstEntry = true;
        for (Map.Entry<String, String> entry : map.entrySet()) {
            if (!firstEntry) {
                out.put(',');
            }
            firstEntry = false;
            out.string(entry.getKey());
            out.put(':');
            out.string(entry.getValue());
        }
        out.put('}');
    }
}
