package io.stratastor.rodent.events.upstream;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's schema of one wire generation, built from this module's tables alone (never from
 * this project's {@code .proto} files): protobuf descriptors under upstream's own names
 * ({@code rodent.Event}, {@code rodent.events.StoragePoolPayload}, ...) and, for 2025-09, the
 * catalogue of dotted event types. Immutable and thread-safe.
 */
public final class UpstreamSchema {
    private static final String ENVELOPE_FILE = "proto/base.proto";
    private static final String PAYLOAD_FILE = "proto/events/events.proto";
    private static final String PAYLOAD_PACKAGE = "rodent.events.";

    private final WireGeneration generation;
    private final List<FileDescriptor> files;
    private final Map<String, CatalogueEntry> catalogue;
    private final Map<String, Descriptor> messages = new LinkedHashMap<>();
    private final Map<String, EnumDescriptor> enums = new LinkedHashMap<>();

    private UpstreamSchema(WireGeneration generation, Map<String, FileDescriptor> files, Map<String, CatalogueEntry> catalogue) {
        this.generation = generation;
        this.files = List.copyOf(files.values());
        this.catalogue = Collections.unmodifiableMap(catalogue);
        for (FileDescriptor file : this.files) {
            file.getEnumTypes().forEach(e -> enums.put(e.getFullName(), e));
            file.getMessageTypes().forEach(this::index);
        }
    }

    private void index(Descriptor message) {
        messages.put(message.getFullName(), message);
        message.getEnumTypes().forEach(e -> enums.put(e.getFullName(), e));
        message.getNestedTypes().forEach(this::index);
    }

    /**
     * Builds the schema of {@code generation} from its tables.
     *
     * @throws IllegalStateException when the tables are missing or do not make valid proto files
     */
    public static UpstreamSchema of(WireGeneration generation) {
        return generation == WireGeneration.V2025_09 ? of2025_09() : of2025_12();
    }

    private static UpstreamSchema of2025_09() {
        DescriptorAssembly assembly = new DescriptorAssembly();
        for (List<String> row : SchemaCsv.rows("2025-09/envelope.csv")) {
            switch (row.get(0)) {
                case "field" -> assembly.field(new DescriptorAssembly.FieldRow(ENVELOPE_FILE, row.get(1), Integer.parseInt(row.get(2)),
                        row.get(3), row.get(4), row.get(5), ""));
                case "enum_value" -> assembly.enumValue(ENVELOPE_FILE, row.get(1), row.get(3), Integer.parseInt(row.get(2)));
                case "reserved" -> {
                    String[] range = row.get(2).split("-");
                    assembly.reserve(row.get(1), Integer.parseInt(range[0]), Integer.parseInt(range[range.length - 1]));
                }
                default -> throw new IllegalStateException("2025-09/envelope.csv: unknown kind " + row.get(0));
            }
        }
        // message,field_number,field_name,label,type
        for (List<String> row : SchemaCsv.rows("2025-09/payload-fields.csv")) {
            assembly.field(new DescriptorAssembly.FieldRow(PAYLOAD_FILE, PAYLOAD_PACKAGE + row.get(0), Integer.parseInt(row.get(1)),
                    row.get(2), row.get(3), row.get(4), ""));
        }
        // category,category_id,enum_value,number,constant,event_type,payload
        Map<String, CatalogueEntry> catalogue = new LinkedHashMap<>();
        for (List<String> row : SchemaCsv.rows("2025-09/event-types.csv")) {
            String payload = row.size() > 6 && !row.get(6).isEmpty() ? PAYLOAD_PACKAGE + row.get(6) : "";
            catalogue.put(row.get(5), new CatalogueEntry(row.get(5), row.get(0), Integer.parseInt(row.get(1)), row.get(2),
                    Integer.parseInt(row.get(3)), row.get(4), payload));
        }
        return new UpstreamSchema(WireGeneration.V2025_09, assembly.build(), catalogue);
    }

    private static UpstreamSchema of2025_12() {
        DescriptorAssembly assembly = new DescriptorAssembly();
        // file,message,field_number,field_name,label,type,oneof; an unquoted map<string,string> takes two cells.
        for (List<String> row : SchemaCsv.rows("2025-12/messages.csv")) {
            String type = row.get(5);
            int oneof = 6;
            if (type.startsWith("map<") && !type.endsWith(">")) {
                type = type + "," + row.get(6);
                oneof = 7;
            }
            assembly.field(new DescriptorAssembly.FieldRow(row.get(0), row.get(1), Integer.parseInt(row.get(2)), row.get(3),
                    row.get(4), type, row.size() > oneof ? row.get(oneof) : ""));
        }
        // file,enum,value_name,number
        for (List<String> row : SchemaCsv.rows("2025-12/enums.csv")) {
            assembly.enumValue(row.get(0), row.get(1), row.get(2), Integer.parseInt(row.get(3)));
        }
        return new UpstreamSchema(WireGeneration.V2025_12, assembly.build(), new LinkedHashMap<>());
    }

    /** The generation this schema describes. */
    public WireGeneration generation() {
        return generation;
    }

    /** The proto files, each named as upstream names it ({@code proto/base.proto}, ...), dependencies first. */
    public List<FileDescriptor> files() {
        return files;
    }

    /**
     * The message of this full upstream name, nested ones included (e.g. {@code rodent.events.Event}).
     *
     * @throws IllegalArgumentException when the generation has no such message
     */
    public Descriptor message(String fullName) {
        Descriptor found = messages.get(fullName);
        if (found != null) {
            return found;
        }
        throw new IllegalArgumentException("generation " + generation + " has no message " + fullName);
    }

    /**
     * The enum of this full upstream name, nested ones included.
     *
     * @throws IllegalArgumentException when the generation has no such enum
     */
    public EnumDescriptor enumType(String fullName) {
        EnumDescriptor found = enums.get(fullName);
        if (found != null) {
            return found;
        }
        throw new IllegalArgumentException("generation " + generation + " has no enum " + fullName);
    }

    /** Every message of the generation, nested ones and map entries included, by full upstream name. */
    public Map<String, Descriptor> messages() {
        return Collections.unmodifiableMap(messages);
    }

    /** Every enum of the generation, nested ones included, by full upstream name. */
    public Map<String, EnumDescriptor> enums() {
        return Collections.unmodifiableMap(enums);
    }

    /** {@code rodent.EventBatch}, the request of {@code SendEvents}. */
    public Descriptor eventBatch() {
        return message("rodent.EventBatch");
    }

    /** {@code rodent.EventBatchResponse}, its answer. */
    public Descriptor eventBatchResponse() {
        return message("rodent.EventBatchResponse");
    }

    /** The event message: {@code rodent.Event} (2025-09) or {@code rodent.events.Event} (2025-12). */
    public Descriptor event() {
        return eventBatch().findFieldByName("events").getMessageType();
    }

    /** Generation 2025-09's catalogue by dotted event type, in the table's order; empty for 2025-12. */
    public Map<String, CatalogueEntry> catalogue() {
        return catalogue;
    }

    @Override
    public String toString() {
        return "UpstreamSchema[" + generation + ", " + files.size() + " files, " + catalogue.size() + " catalogued types]";
    }
}
