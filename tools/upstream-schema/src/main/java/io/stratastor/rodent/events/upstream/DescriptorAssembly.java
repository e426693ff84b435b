package io.stratastor.rodent.events.upstream;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns schema rows (fields, enum values, reserved ranges) into proto3 {@link FileDescriptor}s:
 * messages, labels, oneofs, nested enums and map entries, each file depending on the files whose
 * types it names. Not thread-safe: one thread adds rows, then calls {@link #build()} once.
 */
final class DescriptorAssembly {
    /** A field row: full message name, number, name, label ({@code repeated} or empty), type as written, oneof or empty. */
    record FieldRow(String file, String message, int number, String name, String label, String type, String oneof) {
    }

    private static final Map<String, FieldDescriptorProto.Type> SCALARS = scalars();

    private final List<FieldRow> fields = new ArrayList<>();
    private final Map<String, String> messageFiles = new LinkedHashMap<>();
    private final Map<String, String> enumFiles = new LinkedHashMap<>();
    private final Map<String, List<EnumValueDescriptorProto>> enumValues = new LinkedHashMap<>();
    private final Map<String, List<DescriptorProto.ReservedRange>> reserved = new LinkedHashMap<>();

    void field(FieldRow row) {
        fields.add(row);
        messageFiles.putIfAbsent(row.message(), row.file());
    }

    void enumValue(String file, String enumName, String valueName, int number) {
        enumFiles.putIfAbsent(enumName, file);
        enumValues.computeIfAbsent(enumName, name -> new ArrayList<>())
                .add(EnumValueDescriptorProto.newBuilder().setName(valueName).setNumber(number).build());
    }

    /** Reserves field numbers {@code from} to {@code to}, both included. */
    void reserve(String message, int from, int to) {
        reserved.computeIfAbsent(message, name -> new ArrayList<>())
                .add(DescriptorProto.ReservedRange.newBuilder().setStart(from).setEnd(to + 1).build());
    }

    /**
     * Builds every file.
     *
     * @throws IllegalStateException naming the row whose type names nothing, or the file that does not validate
     */
    Map<String, FileDescriptor> build() {
        Map<String, DescriptorProto.Builder> messages = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> oneofs = new LinkedHashMap<>();
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        for (String message : messageFiles.keySet()) {
            messages.put(message, DescriptorProto.newBuilder().setName(simpleName(message))
                    .addAllReservedRange(reserved.getOrDefault(message, List.of())));
        }
        for (FieldRow row : fields) {
            DescriptorProto.Builder message = messages.get(row.message());
            FieldDescriptorProto.Builder field = fieldOf(row, message, dependencies.computeIfAbsent(row.file(), f -> new LinkedHashSet<>()));
            if (!row.oneof().isEmpty()) {
                Map<String, Integer> declared = oneofs.computeIfAbsent(row.message(), m -> new LinkedHashMap<>());
                Integer index = declared.get(row.oneof());
                if (index == null) {
                    index = declared.size();
                    declared.put(row.oneof(), index);
                    message.addOneofDecl(OneofDescriptorProto.newBuilder().setName(row.oneof()));
                }
                field.setOneofIndex(index);
            }
            message.addField(field);
        }
        Map<String, FileDescriptorProto.Builder> files = new LinkedHashMap<>();
        for (Map.Entry<String, List<EnumValueDescriptorProto>> entry : enumValues.entrySet()) {
            EnumDescriptorProto enumType = EnumDescriptorProto.newBuilder().setName(simpleName(entry.getKey()))
                    .addAllValue(entry.getValue()).build();
            DescriptorProto.Builder parent = messages.get(parentName(entry.getKey()));
            if (parent != null) {
                parent.addEnumType(enumType);
            } else {
                fileOf(files, enumFiles.get(entry.getKey()), entry.getKey()).addEnumType(enumType);
            }
        }
        // Deepest first, so that a nested message is complete before its parent takes it.
        List<String> names = new ArrayList<>(messages.keySet());
        names.sort(Comparator.comparingInt((String name) -> -name.split("\\.").length));
        for (String name : names) {
            DescriptorProto.Builder parent = messages.get(parentName(name));
            if (parent != null) {
                parent.addNestedType(messages.get(name));
            }
        }
        for (Map.Entry<String, DescriptorProto.Builder> entry : messages.entrySet()) {
            if (!messages.containsKey(parentName(entry.getKey()))) {
                fileOf(files, messageFiles.get(entry.getKey()), entry.getKey()).addMessageType(entry.getValue());
            }
        }
        dependencies.forEach((file, deps) -> deps.stream().filter(dep -> !dep.equals(file))
                .forEach(dep -> files.get(file).addDependency(dep)));
        return link(files);
    }

    private FieldDescriptorProto.Builder fieldOf(FieldRow row, DescriptorProto.Builder message, Set<String> dependencies) {
        String type = row.type().replace(" ", "");
        FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder().setName(row.name()).setNumber(row.number())
                .setLabel(row.label().equals("repeated") ? FieldDescriptorProto.Label.LABEL_REPEATED : FieldDescriptorProto.Label.LABEL_OPTIONAL);
        if (type.startsWith("map<") && type.endsWith(">")) {
            String[] keyValue = type.substring(4, type.length() - 1).split(",", 2);
            String entryName = camel(row.name()) + "Entry";
            DescriptorProto.Builder entry = DescriptorProto.newBuilder().setName(entryName)
                    .setOptions(MessageOptions.newBuilder().setMapEntry(true))
                    .addField(typed(row, FieldDescriptorProto.newBuilder().setName("key").setNumber(1)
                            .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL), keyValue[0], dependencies))
                    .addField(typed(row, FieldDescriptorProto.newBuilder().setName("value").setNumber(2)
                            .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL), keyValue[1], dependencies));
            message.addNestedType(entry);
            return field.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED).setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
                    .setTypeName("." + row.message() + "." + entryName);
        }
        return typed(row, field, type, dependencies);
    }

    private FieldDescriptorProto.Builder typed(FieldRow row, FieldDescriptorProto.Builder field, String type, Set<String> dependencies) {
        FieldDescriptorProto.Type scalar = SCALARS.get(type);
        if (scalar != null) {
            return field.setType(scalar);
        }
        String file = enumFiles.get(type);
        FieldDescriptorProto.Type kind = FieldDescriptorProto.Type.TYPE_ENUM;
        if (file == null) {
            file = messageFiles.get(type);
            kind = FieldDescriptorProto.Type.TYPE_MESSAGE;
        }
        if (file == null) {
            throw new IllegalStateException(row.message() + "." + row.name() + ": type '" + type + "' is no scalar and no message or enum of the data");
        }
        dependencies.add(file);
        return field.setType(kind).setTypeName("." + type);
    }

    private FileDescriptorProto.Builder fileOf(Map<String, FileDescriptorProto.Builder> files, String file, String topLevelType) {
        String pkg = parentName(topLevelType);
        FileDescriptorProto.Builder builder = files.computeIfAbsent(file,
                f -> FileDescriptorProto.newBuilder().setName(f).setSyntax("proto3").setPackage(pkg));
        if (!builder.getPackage().equals(pkg)) {
            throw new IllegalStateException(topLevelType + " is not in package " + builder.getPackage() + " of " + file);
        }
        return builder;
    }

    private static Map<String, FileDescriptor> link(Map<String, FileDescriptorProto.Builder> files) {
        Map<String, FileDescriptor> built = new LinkedHashMap<>();
        while (built.size() < files.size()) {
            int before = built.size();
            for (Map.Entry<String, FileDescriptorProto.Builder> entry : files.entrySet()) {
                List<String> deps = entry.getValue().getDependencyList();
                if (!built.containsKey(entry.getKey()) && built.keySet().containsAll(deps)) {
                    FileDescriptor[] resolved = deps.stream().map(built::get).toArray(FileDescriptor[]::new);
                    try {
                        built.put(entry.getKey(), FileDescriptor.buildFrom(entry.getValue().build(), resolved));
                    } catch (DescriptorValidationException e) {
                        throw new IllegalStateException("the schema data of " + entry.getKey() + " is no valid proto file: " + e.getMessage(), e);
                    }
                }
            }
            if (built.size() == before) {
                throw new IllegalStateException("the schema files depend on each other in a cycle: " + files.keySet());
            }
        }
        return built;
    }

    private static String parentName(String fullName) {
        int dot = fullName.lastIndexOf('.');
        return dot < 0 ? "" : fullName.substring(0, dot);
    }

    private static String simpleName(String fullName) {
        return fullName.substring(fullName.lastIndexOf('.') + 1);
    }

    // protoc's map entry name: system_info -> SystemInfoEntry.
    private static String camel(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("_")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static Map<String, FieldDescriptorProto.Type> scalars() {
        Map<String, FieldDescriptorProto.Type> scalars = new LinkedHashMap<>();
        for (FieldDescriptorProto.Type type : FieldDescriptorProto.Type.values()) {
            if (type != FieldDescriptorProto.Type.TYPE_MESSAGE && type != FieldDescriptorProto.Type.TYPE_ENUM
                    && type != FieldDescriptorProto.Type.TYPE_GROUP) {
                scalars.put(type.name().substring("TYPE_".length()).toLowerCase(Locale.ROOT), type);
            }
        }
        return Map.copyOf(scalars);
    }
}
