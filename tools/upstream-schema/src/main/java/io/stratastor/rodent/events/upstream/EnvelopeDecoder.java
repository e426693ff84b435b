package io.stratastor.rodent.events.upstream;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What both generations' decoders share: the batch, each event's envelope (id, level, category,
 * source, timestamp, metadata) and unknown fields at any depth; the generation adds the type and
 * payload. Immutable and thread-safe.
 */
abstract class EnvelopeDecoder implements StrictDecoder {
    /** What the generation reads beyond the envelope. */
    record Body(String type, String operation, Map<String, Object> payload, List<String> notes) {
    }

    private final UpstreamSchema schema;
    private final Descriptor shallowBatch;
    private final Descriptor event;

    EnvelopeDecoder(UpstreamSchema schema) {
        this.schema = schema;
        this.shallowBatch = shallow(schema.eventBatch());
        this.event = schema.event();
    }

    /** The type and payload of {@code message}, adding what is wrong to {@code problems}, each prefixed with {@code where}. */
    abstract Body body(DynamicMessage message, ByteString wire, String category, String where, List<String> problems);

    final UpstreamSchema schema() {
        return schema;
    }

    @Override
    public final WireGeneration generation() {
        return schema.generation();
    }

    @Override
    public final DecodedBatch decode(byte[] eventBatchBytes) {
        DynamicMessage batch;
        try {
            batch = DynamicMessage.parseFrom(shallowBatch, eventBatchBytes);
        } catch (InvalidProtocolBufferException e) {
            return new DecodedBatch("", 0, List.of(), List.of("not a valid rodent.EventBatch: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        unknownFields(batch, "rodent.EventBatch", "batch: ", problems);
        List<DecodedEvent> events = new ArrayList<>();
        FieldDescriptor eventsField = shallowBatch.findFieldByName("events");
        for (int i = 0; i < batch.getRepeatedFieldCount(eventsField); i++) {
            events.add(decodeEvent(i, (ByteString) batch.getRepeatedField(eventsField, i)));
        }
        return new DecodedBatch((String) batch.getField(shallowBatch.findFieldByName("batch_id")),
                (Long) batch.getField(shallowBatch.findFieldByName("batch_timestamp")), events, problems);
    }

    private DecodedEvent decodeEvent(int index, ByteString wire) {
        List<String> problems = new ArrayList<>();
        DynamicMessage message;
        try {
            message = DynamicMessage.parseFrom(event, wire);
        } catch (InvalidProtocolBufferException e) {
            problems.add("event #" + index + ": not a valid " + event.getFullName() + ": " + e.getMessage());
            return new DecodedEvent("", "", "", "", 0, Map.of(), "", "", Map.of(), List.of(), problems, wire);
        }
        String eventId = (String) message.getField(event.findFieldByName("event_id"));
        String where = eventId.isEmpty() ? "event #" + index + " (no event_id): " : "event " + eventId + ": ";
        if (eventId.isEmpty()) {
            problems.add(where + "event_id is empty");
        }
        unknownFields(message, event.getFullName(), where, problems);
        String level = enumName(message, "level", where, problems);
        String category = enumName(message, "category", where, problems);
        Map<String, String> metadata = metadata(message, where, problems);
        Body body = body(message, wire, category, where, problems);
        return new DecodedEvent(eventId, level, category, (String) message.getField(event.findFieldByName("source")),
                (Long) message.getField(event.findFieldByName("timestamp")), metadata, body.type(), body.operation(),
                body.payload(), body.notes(), problems, wire);
    }

    // Zero is UNSPECIFIED: a Toggle files the event nowhere; a number the enum lacks is worse.
    private static String enumName(DynamicMessage message, String name, String where, List<String> problems) {
        FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
        EnumValueDescriptor value = (EnumValueDescriptor) message.getField(field);
        EnumValueDescriptor known = field.getEnumType().findValueByNumber(value.getNumber());
        if (known == null) {
            problems.add(where + name + " " + value.getNumber() + " is no value of " + field.getEnumType().getFullName());
            return String.valueOf(value.getNumber());
        }
        if (known.getNumber() == 0) {
            problems.add(where + name + " is 0 (" + known.getName() + ")");
        }
        return known.getName();
    }

    // Go keeps the last of two entries with one key; a strict reader names the repetition.
    private static Map<String, String> metadata(DynamicMessage message, String where, List<String> problems) {
        FieldDescriptor field = message.getDescriptorForType().findFieldByName("metadata");
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
            Message entry = (Message) message.getRepeatedField(field, i);
            String key = (String) entry.getField(entry.getDescriptorForType().findFieldByName("key"));
            String value = (String) entry.getField(entry.getDescriptorForType().findFieldByName("value"));
            if (metadata.put(key, value) != null) {
                problems.add(where + "metadata key \"" + key + "\" is sent more than once");
            }
        }
        return metadata;
    }

    /** Adds a problem for every unknown field of {@code message} and of the messages inside it. */
    static void unknownFields(Message message, String path, String where, List<String> problems) {
        UnknownFieldSet unknown = message.getUnknownFields();
        if (!unknown.asMap().isEmpty()) {
            problems.add(where + "unknown field" + (unknown.asMap().size() == 1 ? " " : "s ") + unknown.asMap().keySet()
                    + " in " + path);
        }
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            if (entry.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            String inner = path + "." + entry.getKey().getName();
            if (entry.getKey().isRepeated()) {
                for (Object item : (List<?>) entry.getValue()) {
                    unknownFields((Message) item, inner, where, problems);
                }
            } else {
                unknownFields((Message) entry.getValue(), inner, where, problems);
            }
        }
    }

    // The batch with its events kept as bytes, so that each event is parsed, and faulted, on its own.
    private static Descriptor shallow(Descriptor batch) {
        DescriptorProto.Builder message = batch.toProto().toBuilder();
        for (FieldDescriptorProto.Builder field : message.getFieldBuilderList()) {
            if (field.getName().equals("events")) {
                field.setType(FieldDescriptorProto.Type.TYPE_BYTES).clearTypeName();
            }
        }
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("shallow/" + batch.getFile().getName())
                .setPackage(batch.getFile().getPackage()).setSyntax("proto3").addMessageType(message).build();
        try {
            return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName(batch.getName());
        } catch (DescriptorValidationException e) {
            throw new IllegalStateException("cannot derive a shallow " + batch.getFullName() + ": " + e.getMessage(), e);
        }
    }
}
