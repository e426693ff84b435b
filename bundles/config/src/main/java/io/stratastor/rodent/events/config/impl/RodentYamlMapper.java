package io.stratastor.rodent.events.config.impl;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Maps {@code rodent.yml} to the properties of configuration PID {@code rodent.events}: the keys
 * of {@code events:} as they are, those of {@code toggle:} prefixed {@code toggle.}. Lists become
 * {@code String[]}, scalars keep their type, a key without a value is left out (the component's
 * default applies). Other top-level sections are reported as ignored. Stateless and thread-safe.
 *
 * <p>No message this class produces holds a value from the file, since {@code toggle.jwt} is a
 * secret: errors name the file, the key and the kind of problem only. For the same reason
 * SnakeYAML's messages are cut down to their problem and position, without the snippet of the
 * offending line they normally quote.
 */
final class RodentYamlMapper {
    static final String EVENTS_SECTION = "events";
    static final String TOGGLE_SECTION = "toggle";
    static final String TOGGLE_PREFIX = "toggle.";

    /** Reads and maps {@code file} (UTF-8). */
    MappedConfiguration read(Path file) throws RodentYamlException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RodentYamlException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new RodentYamlException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new RodentYamlException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        return map(text, file.toString());
    }

    /** Maps YAML {@code text}; {@code name} (the file) starts every error message. */
    MappedConfiguration map(String text, String name) throws RodentYamlException {
        Object root = load(text, name);
        if (root == null) {
            return new MappedConfiguration(Map.of(), List.of());
        }
        if (!(root instanceof Map)) {
            throw new RodentYamlException(name + ": expected a map of sections (events:, toggle:) at the top, found " + kindOf(root));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (Map.Entry<?, ?> section : ((Map<?, ?>) root).entrySet()) {
            String sectionName = String.valueOf(section.getKey());
            if (sectionName.equals(EVENTS_SECTION)) {
                putSection(properties, name, sectionName, section.getValue(), "");
            } else if (sectionName.equals(TOGGLE_SECTION)) {
                putSection(properties, name, sectionName, section.getValue(), TOGGLE_PREFIX);
            } else {
                ignored.add(sectionName);
            }
        }
        return new MappedConfiguration(properties, ignored);
    }

    private static Object load(String text, String name) throws RodentYamlException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        try {
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            throw new RodentYamlException(name + ": malformed YAML: " + describe(e));
        } catch (YAMLException e) {
            throw new RodentYamlException(name + ": malformed YAML: " + oneLine(e.getMessage()));
        }
    }

    // The problem and where it is, without the snippet of the line, which may hold a secret.
    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
        return oneLine(problem == null ? e.getClass().getSimpleName() : problem) + where;
    }

    private static void putSection(Map<String, Object> properties, String name, String section, Object body, String prefix)
            throws RodentYamlException {
        if (body == null) {
            return;
        }
        if (!(body instanceof Map)) {
            throw new RodentYamlException(name + ": section '" + section + "' must be a map of keys, found " + kindOf(body));
        }
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) body).entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = propertyValue(name, section + "." + key, entry.getValue());
            if (value != null) {
                properties.put(prefix + key, value);
            }
        }
    }

    private static Object propertyValue(String name, String path, Object value) throws RodentYamlException {
        if (value == null || value instanceof Integer || value instanceof Long || value instanceof Double
                || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() < Long.SIZE) {
                return big.longValue();
            }
            throw new RodentYamlException(name + ": " + path + " is out of range (at most " + Long.MAX_VALUE + ")");
        }
        if (value instanceof List<?> list) {
            String[] strings = new String[list.size()];
            for (int i = 0; i < strings.length; i++) {
                Object element = list.get(i);
                if (!isPlainScalar(element)) {
                    throw new RodentYamlException(name + ": " + path + " item " + (i + 1) + " is " + kindOf(element)
                            + "; expected a list of plain values");
                }
                strings[i] = String.valueOf(element);
            }
            return strings;
        }
        throw new RodentYamlException(name + ": " + path + " is " + kindOf(value)
                + "; expected a number, true/false, a string or a list (quote a value to make it a string)");
    }

    private static boolean isPlainScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static String kindOf(Object value) {
        if (value == null) {
            return "an empty value";
        }
        if (value instanceof Map) {
            return "a map";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof java.util.Date) {
            return "a timestamp";
        }
        if (value instanceof byte[]) {
            return "binary data";
        }
        if (value instanceof java.util.Set) {
            return "a set";
        }
        return "a plain value";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
