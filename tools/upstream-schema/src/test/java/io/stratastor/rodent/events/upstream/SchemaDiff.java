package io.stratastor.rodent.events.upstream;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Lists every difference between the data's descriptor of a message or enum and a compiled one:
 * fields by number (name, type, label, referenced type, oneof), nested types, enum values. Each
 * line names the message, field or value. Names of the compiled side pass through a rename
 * first. Not thread-safe: one per comparison.
 */
final class SchemaDiff {
    private final UnaryOperator<String> rename;
    private final List<String> mismatches = new ArrayList<>();

    SchemaDiff(UnaryOperator<String> rename) {
        this.rename = rename;
    }

    List<String> mismatches() {
        return mismatches;
    }

    void message(Descriptor expected, Descriptor actual) {
        String name = expected.getFullName();
        if (!rename.apply(actual.getFullName()).equals(name)) {
            mismatches.add(name + ": compiled as " + actual.getFullName());
        }
        fields(name, expected.getFields(), actual);
        for (FieldDescriptor field : actual.getFields()) {
            if (expected.findFieldByNumber(field.getNumber()) == null) {
                mismatches.add(name + ": extra field " + field.getNumber() + " " + field.getName() + " not in the data");
            }
        }
        for (Descriptor nested : expected.getNestedTypes()) {
            Descriptor other = actual.findNestedTypeByName(nested.getName());
            if (other == null) {
                mismatches.add(name + ": nested message " + nested.getName() + " missing");
            } else {
                message(nested, other);
            }
        }
        actual.getNestedTypes().stream().filter(n -> expected.findNestedTypeByName(n.getName()) == null)
                .forEach(n -> mismatches.add(name + ": extra nested message " + n.getName()));
        for (EnumDescriptor nested : expected.getEnumTypes()) {
            EnumDescriptor other = actual.findEnumTypeByName(nested.getName());
            if (other == null) {
                mismatches.add(name + ": nested enum " + nested.getName() + " missing");
            } else {
                enumType(nested, other);
            }
        }
        actual.getEnumTypes().stream().filter(n -> expected.findEnumTypeByName(n.getName()) == null)
                .forEach(n -> mismatches.add(name + ": extra nested enum " + n.getName()));
    }

    private void fields(String name, List<FieldDescriptor> expectedFields, Descriptor actual) {
        for (FieldDescriptor field : expectedFields) {
            String where = name + "." + field.getName() + " (" + field.getNumber() + ")";
            FieldDescriptor other = actual.findFieldByNumber(field.getNumber());
            if (other == null) {
                mismatches.add(where + ": missing");
                continue;
            }
            same(where, "name", field.getName(), other.getName());
            same(where, "type", field.getType(), other.getType());
            same(where, "label", field.isRepeated() ? "repeated" : "singular", other.isRepeated() ? "repeated" : "singular");
            same(where, "referenced type", referenced(field), other.getType() == field.getType() ? renamedReference(other) : referenced(other));
            same(where, "oneof", oneof(field.getRealContainingOneof()), oneof(other.getRealContainingOneof()));
        }
    }

    void enumType(EnumDescriptor expected, EnumDescriptor actual) {
        String name = expected.getFullName();
        if (!rename.apply(actual.getFullName()).equals(name)) {
            mismatches.add(name + ": compiled as " + actual.getFullName());
        }
        for (EnumValueDescriptor value : expected.getValues()) {
            EnumValueDescriptor other = actual.findValueByName(value.getName());
            if (other == null) {
                mismatches.add(name + "." + value.getName() + ": missing");
            } else {
                same(name + "." + value.getName(), "number", value.getNumber(), other.getNumber());
            }
        }
        actual.getValues().stream().filter(v -> expected.findValueByName(v.getName()) == null)
                .forEach(v -> mismatches.add(name + "." + v.getName() + " = " + v.getNumber() + ": extra value not in the data"));
    }

    private void same(String where, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            mismatches.add(where + ": " + what + " is " + actual + ", the data says " + expected);
        }
    }

    private static String referenced(FieldDescriptor field) {
        return switch (field.getJavaType()) {
            case MESSAGE -> field.getMessageType().getFullName();
            case ENUM -> field.getEnumType().getFullName();
            default -> "none";
        };
    }

    private String renamedReference(FieldDescriptor field) {
        String reference = referenced(field);
        return rename.apply(reference);
    }

    private static String oneof(OneofDescriptor oneof) {
        return oneof == null ? "" : oneof.getName();
    }
}
