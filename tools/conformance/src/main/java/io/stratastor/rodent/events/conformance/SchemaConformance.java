package io.stratastor.rodent.events.conformance;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.EventsProto;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The schema review checklist as code. Checks one schema file (its {@code <Category>EventType}
 * enums and payload messages), the class of event type constants, the class of metadata keys and
 * the typed emitter interfaces against each other, and lists every dissonance, each naming the
 * offending value. Stateless; thread-safe.
 */
public final class SchemaConformance {
    private static final Pattern EVENT_TYPE = Pattern.compile("^[a-z0-9_]+(\\.[a-z0-9_]+)+$");
    private static final Pattern SNAKE_CASE = Pattern.compile("^[a-z][a-z0-9]*(_[a-z0-9]+)*$");
    private static final String ENUM_SUFFIX = "EventType";

    private SchemaConformance() {
    }

    /**
     * Every dissonance found, in a stable order; empty when the pieces agree.
     *
     * @param schema the file declaring the {@code <Category>EventType} enums and payload messages
     * @param eventTypes the class of {@code public static final String} event type constants
     * @param metaKeys the class of {@code public static final String} metadata keys
     * @param emitters the typed emitter interface of each category
     */
    public static List<String> check(FileDescriptor schema, Class<?> eventTypes, Class<?> metaKeys,
            Map<Category, Class<?>> emitters) {
        List<String> violations = new ArrayList<>();
        Map<String, EnumValueDescriptor> typesByName = checkEnums(schema, violations);
        checkConstants(typesByName, eventTypes, violations);
        checkEmitters(schema, typesByName, emitters, violations);
        checkMetaKeys(metaKeys, violations);
        return violations;
    }

    private static Map<String, EnumValueDescriptor> checkEnums(FileDescriptor schema, List<String> violations) {
        Map<String, EnumValueDescriptor> byType = new LinkedHashMap<>();
        for (EnumDescriptor enumType : schema.getEnumTypes()) {
            String name = enumType.getName();
            Category category = categoryOf(name);
            if (category == null) {
                violations.add(enumType.getFullName() + ": not a <Category>EventType enum of a category");
                continue;
            }
            String prefix = category.name() + "_EVENT_TYPE_";
            Map<Integer, String> byNumber = new HashMap<>();
            for (EnumValueDescriptor value : enumType.getValues()) {
                String previous = byNumber.putIfAbsent(value.getNumber(), value.getName());
                if (previous != null) {
                    violations.add(value.getName() + ": number " + value.getNumber() + " is already used by " + previous);
                }
                if (value.getNumber() == 0) {
                    if (!value.getName().equals(prefix + "UNSPECIFIED")) {
                        violations.add(value.getName() + ": value 0 of " + name + " must be " + prefix + "UNSPECIFIED");
                    }
                    continue;
                }
                checkValue(schema, category, prefix, value, byType, violations);
            }
        }
        return byType;
    }

    private static void checkValue(FileDescriptor schema, Category category, String prefix, EnumValueDescriptor value,
            Map<String, EnumValueDescriptor> byType, List<String> violations) {
        if (!value.getName().startsWith(prefix)) {
            violations.add(value.getName() + ": name does not start with " + prefix);
        }
        String eventType = value.getOptions().getExtension(EventsProto.eventType);
        if (eventType.isEmpty()) {
            violations.add(value.getName() + ": has no (event_type) option");
            return;
        }
        if (!EVENT_TYPE.matcher(eventType).matches()) {
            violations.add(value.getName() + ": event type '" + eventType + "' is not dotted lower-case segments");
        }
        if (!eventType.startsWith(category.label() + ".")) {
            violations.add(value.getName() + ": event type '" + eventType + "' does not start with its category '"
                    + category.label() + ".'");
        }
        EnumValueDescriptor previous = byType.putIfAbsent(eventType, value);
        if (previous != null) {
            violations.add(value.getName() + ": event type '" + eventType + "' is already declared by " + previous.getName());
        }
        String payload = value.getOptions().getExtension(EventsProto.payloadMessage);
        if (!payload.isEmpty() && messageNamed(schema, payload) == null) {
            violations.add(value.getName() + ": payload option names " + payload + ", which " + schema.getName() + " does not define");
        }
    }

    private static void checkConstants(Map<String, EnumValueDescriptor> typesByName, Class<?> eventTypes, List<String> violations) {
        Map<String, String> constants = stringConstants(eventTypes, violations);
        Set<String> values = new LinkedHashSet<>(constants.values());
        for (Map.Entry<String, EnumValueDescriptor> type : typesByName.entrySet()) {
            String expected = type.getValue().getName().replace("_EVENT_TYPE_", "_");
            if (!values.contains(type.getKey())) {
                violations.add(type.getValue().getName() + ": " + eventTypes.getSimpleName() + " has no constant for '"
                        + type.getKey() + "' (expected " + expected + ")");
            } else if (!type.getKey().equals(constants.get(expected))) {
                violations.add(type.getValue().getName() + ": the constant for '" + type.getKey() + "' should be named " + expected);
            }
        }
        for (Map.Entry<String, String> constant : constants.entrySet()) {
            if (!typesByName.containsKey(constant.getValue())) {
                violations.add(eventTypes.getSimpleName() + "." + constant.getKey() + ": '" + constant.getValue()
                        + "' is not an event type of the schema");
            }
        }
    }

    private static void checkEmitters(FileDescriptor schema, Map<String, EnumValueDescriptor> typesByName,
            Map<Category, Class<?>> emitters, List<String> violations) {
        for (EnumValueDescriptor value : typesByName.values()) {
            Category category = categoryOf(value.getType().getName());
            Class<?> emitter = emitters.get(category);
            if (emitter == null) {
                violations.add(value.getName() + ": no typed emitter interface for category " + category.label());
                continue;
            }
            String payload = value.getOptions().getExtension(EventsProto.payloadMessage);
            Descriptor message = payload.isEmpty() ? null : messageNamed(schema, payload);
            if (!payload.isEmpty() && message == null) {
                continue;
            }
            if (!hasTypedMethod(emitter, message)) {
                violations.add(value.getName() + ": " + emitter.getSimpleName() + " has no method taking (type, level, "
                        + (message == null ? "" : message.getName() + ", ") + "metadata) to emit it");
            }
        }
    }

    // A method (String eventType, Level level, [Payload payload,] Map metadata).
    private static boolean hasTypedMethod(Class<?> emitter, Descriptor message) {
        for (Method method : emitter.getMethods()) {
            Class<?>[] parameters = method.getParameterTypes();
            int size = message == null ? 3 : 4;
            if (parameters.length != size || parameters[0] != String.class || parameters[1] != Level.class
                    || parameters[size - 1] != Map.class) {
                continue;
            }
            if (message == null || message.getFullName().equals(fullNameOf(parameters[2]))) {
                return true;
            }
        }
        return false;
    }

    private static String fullNameOf(Class<?> type) {
        if (!Message.class.isAssignableFrom(type)) {
            return "";
        }
        try {
            return ((Descriptor) type.getMethod("getDescriptor").invoke(null)).getFullName();
        } catch (ReflectiveOperationException e) {
            return "";
        }
    }

    private static void checkMetaKeys(Class<?> metaKeys, List<String> violations) {
        Map<String, String> constants = stringConstants(metaKeys, violations);
        Map<String, String> byValue = new HashMap<>();
        for (Map.Entry<String, String> key : constants.entrySet()) {
            if (!SNAKE_CASE.matcher(key.getValue()).matches()) {
                violations.add(metaKeys.getSimpleName() + "." + key.getKey() + ": metadata key '" + key.getValue() + "' is not snake_case");
            }
            String previous = byValue.putIfAbsent(key.getValue(), key.getKey());
            if (previous != null) {
                violations.add(metaKeys.getSimpleName() + "." + key.getKey() + ": metadata key '" + key.getValue()
                        + "' is already " + metaKeys.getSimpleName() + "." + previous);
            }
        }
    }

    private static Map<String, String> stringConstants(Class<?> type, List<String> violations) {
        Map<String, String> constants = new LinkedHashMap<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() != String.class || !Modifier.isStatic(modifiers) || !Modifier.isPublic(modifiers)) {
                continue;
            }
            if (!Modifier.isFinal(modifiers)) {
                violations.add(type.getSimpleName() + "." + field.getName() + ": is not final");
            }
            try {
                constants.put(field.getName(), (String) field.get(null));
            } catch (IllegalAccessException e) {
                violations.add(type.getSimpleName() + "." + field.getName() + ": cannot be read");
            }
        }
        return constants;
    }

    private static Descriptor messageNamed(FileDescriptor schema, String fullName) {
        for (Descriptor message : schema.getMessageTypes()) {
            if (message.getFullName().equals(fullName)) {
                return message;
            }
        }
        return null;
    }

    private static Category categoryOf(String enumName) {
        if (!enumName.endsWith(ENUM_SUFFIX)) {
            return null;
        }
        // DataTransferEventType names Category.DATA_TRANSFER: each inner capital starts a word.
        String stem = enumName.substring(0, enumName.length() - ENUM_SUFFIX.length())
                .replaceAll("(?<=[a-z0-9])(?=[A-Z])", "_").toUpperCase(Locale.ROOT);
        for (Category category : Category.values()) {
            if (category.name().equals(stem)) {
                return category;
            }
        }
        return null;
    }

    /** The violations as one report, sorted, for a failure message. */
    public static String report(List<String> violations) {
        return violations.size() + " schema conformance violation(s):\n  " + String.join("\n  ", new TreeSet<>(violations));
    }
}
