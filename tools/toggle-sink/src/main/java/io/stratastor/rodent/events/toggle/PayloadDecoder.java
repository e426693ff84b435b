package io.stratastor.rodent.events.toggle;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes an event's payload bytes, named by its {@code payload_type}, into JSON with the schema's
 * payload messages (and {@code google.protobuf.Struct} for map payloads); immutable and thread-safe.
 */
final class PayloadDecoder {
    private final Map<String, Message> prototypes;
    private final JsonFormat.Printer printer;

    private PayloadDecoder(Map<String, Message> prototypes) {
        this.prototypes = Map.copyOf(prototypes);
        JsonFormat.TypeRegistry.Builder registry = JsonFormat.TypeRegistry.newBuilder();
        prototypes.values().forEach(prototype -> registry.add(prototype.getDescriptorForType()));
        this.printer = JsonFormat.printer()
                .usingTypeRegistry(registry.build())
                .alwaysPrintFieldsWithNoPresence()
                .omittingInsignificantWhitespace();
    }

    /** A decoder for every payload message of the compiled schema. */
    static PayloadDecoder fromSchema() {
        Map<String, Message> prototypes = new LinkedHashMap<>(EventCatalog.fromSchema().payloadPrototypes());
        prototypes.put(Struct.getDescriptor().getFullName(), Struct.getDefaultInstance());
        return new PayloadDecoder(prototypes);
    }

    DecodedPayload decode(Event event) {
        String type = event.getPayloadType();
        if (type.isEmpty()) {
            return event.getPayload().isEmpty()
                    ? DecodedPayload.none()
                    : undecodable(event, "payload present but payload_type is empty");
        }
        Message prototype = prototypes.get(type);
        if (prototype == null) {
            return undecodable(event, "unknown payload_type " + type);
        }
        try {
            Message payload = prototype.getParserForType().parseFrom(event.getPayload());
            return DecodedPayload.decoded(printer.print(payload));
        } catch (InvalidProtocolBufferException e) {
            return undecodable(event, "payload is not a valid " + type + ": " + e.getMessage());
        }
    }

    private static DecodedPayload undecodable(Event event, String error) {
        return DecodedPayload.undecodable(Base64.getEncoder().encodeToString(event.getPayload().toByteArray()), error);
    }
}
