package io.stratastor.rodent.events.core.impl.wire;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link GoJson}'s output written straight from a payload's protobuf encoding, without building the
 * message: the shipper's hot path for 2025-09. Fields are read in the order they were written
 * (protobuf writes them in field-number order, which is the seed's declaration order; a field out
 * of order is a reason to fall back), each field's values gathered, maps sorted. Anything this
 * reader does not handle — a message field, a group, an unknown field, an out-of-order field —
 * makes it answer null, and the caller takes the reflective {@link GoJson}. Stateless; thread-safe.
 */
final class WireJson {
    private WireJson() {
    }

    /** The payload's Go JSON, or null when this reader cannot write it alone. */
    static String of(Descriptor message, ByteBuffer payload) {
        try {
            return write(message, CodedInputStream.newInstance(payload));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String write(Descriptor message, CodedInputStream in) throws IOException {
        StringBuilder out = new StringBuilder(128).append('{');
        FieldDescriptor current = null;
        List<Object> values = new ArrayList<>(4);
        int lastIndex = -1;
        boolean first = true;
        while (true) {
            int tag = in.readTag();
            FieldDescriptor field = tag == 0 ? null : message.findFieldByNumber(WireFormat.getTagFieldNumber(tag));
            if (tag != 0 && (field == null || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isMapField()
                    || field.getJavaType() == FieldDescriptor.JavaType.ENUM || field.getJavaType() == FieldDescriptor.JavaType.BYTE_STRING)) {
                return null;
            }
            if (field != current) {
                if (current != null) {
                    first = flush(out, current, values, first);
                    values.clear();
                }
                if (field == null) {
                    break;
                }
                if (field.getIndex() <= lastIndex) {
                    return null;
                }
                lastIndex = field.getIndex();
                current = field;
            }
            if (field == null) {
                break;
            }
            read(in, field, tag, values);
        }
        return out.append('}').toString();
    }

    private static boolean flush(StringBuilder out, FieldDescriptor field, List<Object> values, boolean first) {
        if (!field.isRepeated() && GoJson.zero(values.get(values.size() - 1))) {
            return first;
        }
        if (!first) {
            out.append(',');
        }
        GoJson.string(out, field.getName());
        out.append(':');
        if (field.isMapField()) {
            TreeMap<String, String> sorted = new TreeMap<>();
            for (Object entry : values) {
                String[] pair = (String[]) entry;
                sorted.put(pair[0], pair[1]);
            }
            out.append('{');
            boolean firstEntry = true;
            for (Map.Entry<String, String> entry : sorted.entrySet()) {
                if (!firstEntry) {
                    out.append(',');
                }
                firstEntry = false;
                GoJson.string(out, entry.getKey());
                out.append(':');
                GoJson.string(out, entry.getValue());
            }
            out.append('}');
        } else if (field.isRepeated()) {
            out.append('[');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                GoJson.scalar(out, field, values.get(i));
            }
            out.append(']');
        } else {
            // proto3 writes a singular field once; the last one wins if it came more than once.
            GoJson.scalar(out, field, values.get(values.size() - 1));
        }
        return false;
    }

    private static void read(CodedInputStream in, FieldDescriptor field, int tag, List<Object> values) throws IOException {
        if (field.isMapField()) {
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
            values.add(new String[] {key, value});
            return;
        }
        if (field.isRepeated() && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED
                && field.getJavaType() != FieldDescriptor.JavaType.STRING) {
            int limit = in.pushLimit(in.readRawVarint32());
            while (!in.isAtEnd()) {
                values.add(scalar(in, field));
            }
            in.popLimit(limit);
            return;
        }
        values.add(scalar(in, field));
    }

    private static Object scalar(CodedInputStream in, FieldDescriptor field) throws IOException {
        return switch (field.getType()) {
            case STRING -> in.readStringRequireUtf8();
            case BOOL -> in.readBool();
            case INT32 -> in.readInt32();
            case SINT32 -> in.readSInt32();
            case SFIXED32 -> in.readSFixed32();
            case UINT32 -> in.readUInt32();
            case FIXED32 -> in.readFixed32();
            case INT64 -> in.readInt64();
            case SINT64 -> in.readSInt64();
            case SFIXED64 -> in.readSFixed64();
            case UINT64 -> in.readUInt64();
            case FIXED64 -> in.readFixed64();
            case FLOAT -> in.readFloat();
            case DOUBLE -> in.readDouble();
            default -> throw new IllegalStateException("no wire reader for " + field.getType());
        };
    }
}
