package io.stratastor.rodent.events.shell.impl;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.EventTypeDefinition;
import io.stratastor.rodent.events.proto.events.Form2025_12;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Component;

/**
 * {@code events:types}: the catalogue of event types from {@link EventCatalog}, grouped by
 * category: each type with its enum number, payload message and the payload's fields. Immutable
 * and thread-safe.
 */
@Component(service = TypesCommand.class)
@GogoCommand(scope = "events", function = {"types"})
public final class TypesCommand {
    static final String USAGE = "usage: events:types [CATEGORY]";

    private final EventCatalog catalog = EventCatalog.fromSchema();

    @Descriptor("List the event types of the schema by category: dotted type, enum number, payload message and its fields"
            + " (name:type; repeated and map fields marked), and its generation 2025-12 form (wrapper.case operation) with"
            + " where each payload field goes there")
    public String types(
            @Descriptor("[CATEGORY] only this category: system, storage, network, security, service, identity, access, sharing,"
                    + " usage or data_transfer")
            String... args) {
        if (args != null && args.length > 1) {
            return CommandResults.error("takes at most one category, got " + args.length + " arguments; " + USAGE);
        }
        if (args == null || args.length == 0) {
            StringBuilder text = new StringBuilder();
            for (Category category : Category.values()) {
                text.append(listing(category)).append("\n\n");
            }
            return text.append(catalog.types().size()).append(" types in ").append(Category.values().length)
                    .append(" categories").toString();
        }
        try {
            return listing(Category.parse(args[0]));
        } catch (IllegalArgumentException e) {
            return CommandResults.error(e.getMessage());
        }
    }

    /** A category's header line, then one line per type, names aligned. */
    String listing(Category category) {
        List<EventTypeDefinition> types = catalog.types(category.wireValue());
        int width = types.stream().mapToInt(type -> type.eventType().length()).max().orElse(0);
        StringBuilder text = new StringBuilder(category.label()).append(" (category ").append(category.id()).append("): ")
                .append(types.size()).append(types.size() == 1 ? " type" : " types");
        for (EventTypeDefinition type : types) {
            text.append("\n  ").append(type.eventType()).append(" ".repeat(width - type.eventType().length()))
                    .append(String.format(" %3d  ", type.number()))
                    .append(type.payloadDescriptor().map(TypesCommand::describe).orElse("(no payload)"));
            text.append("\n  ").append(" ".repeat(width)).append("      2025-12: ").append(form(type));
        }
        return text.toString();
    }

    /**
     * The type's generation 2025-12 form and where its payload fields go there:
     * {@code storage_event.pool_event STORAGE_POOL_OPERATION_CREATED {pool_name, total_size->size_bytes, pool_guid->metadata}}.
     */
    static String form(EventTypeDefinition type) {
        Form2025_12 form = type.form2025_12();
        if (form.placement().isEmpty() && type.payloadDescriptor().isEmpty()) {
            return form.toString();
        }
        return form + " {" + type.payloadDescriptor().orElseThrow().getFields().stream()
                .map(field -> form.placeOf(field).map(place -> place.getName().equals(field.getName()) ? field.getName()
                        : field.getName() + "->" + place.getName()).orElse(field.getName() + "->metadata"))
                .collect(Collectors.joining(", ")) + "}";
    }

    /** {@code rodent.events.X {a:string, b:repeated int64, c:map<string, string>}}. */
    static String describe(Descriptors.Descriptor message) {
        return message.getFullName() + " {" + message.getFields().stream().map(field -> field.getName() + ":" + typeOf(field))
                .collect(Collectors.joining(", ")) + "}";
    }

    static String typeOf(FieldDescriptor field) {
        if (field.isMapField()) {
            Descriptors.Descriptor entry = field.getMessageType();
            return "map<" + scalarType(entry.findFieldByName("key")) + ", " + scalarType(entry.findFieldByName("value")) + ">";
        }
        return (field.isRepeated() ? "repeated " : "") + scalarType(field);
    }

    private static String scalarType(FieldDescriptor field) {
        return switch (field.getJavaType()) {
            case MESSAGE -> field.getMessageType().getFullName();
            case ENUM -> field.getEnumType().getFullName();
            default -> field.getType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
