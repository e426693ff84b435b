package io.stratastor.rodent.events.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.EventTypeDefinition;
import io.stratastor.rodent.events.proto.events.EventsProto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Holds this project's compiled protos to upstream's schema data, both generations. */
class CompiledSchemaConformanceTest {
    // Ours: rodent.v2025_12 and rodent.v2025_12.events; upstream's: rodent and rodent.events.
    private static final UnaryOperator<String> FROM_V2025_12 = name -> name.replaceFirst("^rodent\\.v2025_12\\.", "rodent.");
    private final UpstreamSchema data2025_09 = UpstreamSchema.of(WireGeneration.V2025_09);
    private final UpstreamSchema data2025_12 = UpstreamSchema.of(WireGeneration.V2025_12);

    @Test
    void compiled2025_12IsTheDataMessageForMessageAndEnumForEnum() {
        Map<String, Descriptor> compiledMessages = new LinkedHashMap<>();
        Map<String, EnumDescriptor> compiledEnums = new LinkedHashMap<>();
        for (FileDescriptor file : List.of(io.stratastor.rodent.events.wire.v2025_12.BaseProto.getDescriptor(),
                io.stratastor.rodent.events.wire.v2025_12.events.EventMessagesProto.getDescriptor())) {
            file.getMessageTypes().forEach(m -> compiledMessages.put(FROM_V2025_12.apply(m.getFullName()), m));
            file.getEnumTypes().forEach(e -> compiledEnums.put(FROM_V2025_12.apply(e.getFullName()), e));
        }
        SchemaDiff diff = new SchemaDiff(FROM_V2025_12);
        List<String> topLevel = new ArrayList<>();
        for (FileDescriptor file : data2025_12.files()) {
            for (Descriptor message : file.getMessageTypes()) {
                topLevel.add(message.getFullName());
                Optional.ofNullable(compiledMessages.get(message.getFullName())).ifPresentOrElse(m -> diff.message(message, m),
                        () -> diff.mismatches().add(message.getFullName() + ": not compiled"));
            }
            for (EnumDescriptor enumType : file.getEnumTypes()) {
                topLevel.add(enumType.getFullName());
                Optional.ofNullable(compiledEnums.get(enumType.getFullName())).ifPresentOrElse(e -> diff.enumType(enumType, e),
                        () -> diff.mismatches().add(enumType.getFullName() + ": not compiled"));
            }
        }
        compiledMessages.keySet().stream().filter(name -> !topLevel.contains(name))
                .forEach(name -> diff.mismatches().add(name + ": compiled but not in the 2025-12 data"));
        compiledEnums.keySet().stream().filter(name -> !topLevel.contains(name))
                .forEach(name -> diff.mismatches().add(name + ": compiled but not in the 2025-12 data"));

        assertThat(diff.mismatches()).as("differences from 2025-12/messages.csv and enums.csv").isEmpty();
    }

    @Test
    void compiled2025_09EnvelopeIsTheDataAndReservesNineToTwenty() {
        SchemaDiff diff = new SchemaDiff(UnaryOperator.identity());
        diff.message(data2025_09.message("rodent.Event"), io.stratastor.rodent.events.wire.v2025_09.Event.getDescriptor());
        diff.message(data2025_09.message("rodent.EventBatch"), io.stratastor.rodent.events.wire.v2025_09.EventBatch.getDescriptor());
        diff.message(data2025_09.message("rodent.EventBatchResponse"),
                io.stratastor.rodent.events.wire.v2025_09.EventBatchResponse.getDescriptor());
        diff.enumType(data2025_09.enumType("rodent.EventLevel"), io.stratastor.rodent.events.wire.v2025_09.EventLevel.getDescriptor());
        diff.enumType(data2025_09.enumType("rodent.EventCategory"),
                io.stratastor.rodent.events.wire.v2025_09.EventCategory.getDescriptor());

        Descriptor event = io.stratastor.rodent.events.wire.v2025_09.Event.getDescriptor();
        for (int number = 9; number <= 20; number++) {
            FieldDescriptor field = event.findFieldByNumber(number);
            if (field != null) {
                diff.mismatches().add("rodent.Event." + field.getName() + " (" + number + "): upstream reserves 9-20");
            }
            if (!event.isReservedNumber(number)) {
                diff.mismatches().add("rodent.Event: " + number + " is not reserved; upstream reserves 9-20");
            }
        }

        assertThat(diff.mismatches()).as("differences from 2025-09/envelope.csv").isEmpty();
    }

    @Test
    void seedPayloadMessagesAreThoseOfPayloadFieldsCsv() {
        SchemaDiff diff = new SchemaDiff(UnaryOperator.identity());
        FileDescriptor seed = EventsProto.getDescriptor();
        FileDescriptor data = data2025_09.message("rodent.events.SystemStartupPayload").getFile();
        for (Descriptor message : data.getMessageTypes()) {
            Descriptor compiled = seed.findMessageTypeByName(message.getName());
            if (compiled == null) {
                diff.mismatches().add(message.getFullName() + ": not in events.proto");
            } else {
                diff.message(message, compiled);
            }
        }

        assertThat(diff.mismatches()).as("differences from 2025-09/payload-fields.csv").isEmpty();
    }

    @Test
    void catalogueHasEveryRowOfEventTypesCsv() {
        EventCatalog catalog = EventCatalog.fromSchema();
        List<String> mismatches = new ArrayList<>();
        for (CatalogueEntry row : data2025_09.catalogue().values()) {
            Optional<EventTypeDefinition> found = catalog.find(row.eventType());
            if (found.isEmpty()) {
                mismatches.add(row.eventType() + ": not in the catalogue");
                continue;
            }
            EventTypeDefinition type = found.get();
            same(mismatches, row.eventType(), "category", row.category() + "/" + row.categoryId(),
                    EventCatalog.labelOf(type.category()) + "/" + type.category().getNumber());
            same(mismatches, row.eventType(), "enum constant", row.enumValue(), type.enumValue());
            same(mismatches, row.eventType(), "number", row.number(), type.number());
            same(mismatches, row.eventType(), "payload message", row.payloadMessage(), type.payloadTypeName());
        }

        assertThat(mismatches).as("differences from 2025-09/event-types.csv").isEmpty();
    }

    @Test
    void diffNamesTheOffendingMessageFieldAndValue() {
        SchemaDiff diff = new SchemaDiff(UnaryOperator.identity());
        diff.message(data2025_09.message("rodent.Event"), data2025_12.message("rodent.events.Event"));
        diff.enumType(data2025_12.enumType("rodent.events.EventLevel"), data2025_09.enumType("rodent.EventLevel"));

        assertThat(diff.mismatches()).contains("rodent.Event: compiled as rodent.events.Event",
                "rodent.Event.event_type (2): name is level, the data says event_type",
                "rodent.Event.payload (7): missing",
                "rodent.Event: extra field 10 system_event not in the data",
                "rodent.events.EventLevel.EVENT_LEVEL_TRACE: missing");
    }

    private static void same(List<String> mismatches, String where, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            mismatches.add(where + ": " + what + " is " + actual + ", event-types.csv says " + expected);
        }
    }
}
