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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Maps {@code rodent.yml} to the properties of configuration PID {@code rodent.events}: the keys
 * of {@code events:} as they are, those of {@code toggle:} prefixed {@code toggle.}. Keys and
 * section names match whatever their case and underscores ({@link RodentKeys}), so a file written
 * for upstream Rodent ({@code batchSize}, {@code rpcAddr}) maps as one written for this node
 * ({@code batch_size}, {@code address}); values in upstream's forms are converted
 * ({@link RodentValues}). Lists become {@code String[]}, a key without a value is left out (the
 * component's default applies). Other top-level sections belong to the rest of Rodent and are left
 * alone. What the operator should hear about is returned as notices: an unknown key (with the
 * nearest known one), a key given under two spellings (the last in the file wins), an ignored
 * {@code toggle.baseURL}, and {@code toggle.enable: false}, which leaves {@code toggle.address} out.
 * Stateless and thread-safe.
 *
 * <p>No message this class produces holds a value from the file, since {@code toggle.jwt} is a
 * secret: errors and notices name the file, the key and the kind of problem only. For the same
 * reason SnakeYAML's messages are cut down to their problem and position, without the snippet of
 * the offending line they normally quote.
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
            return new MappedConfiguration(Map.of(), List.of(), List.of());
        }
        if (!(root instanceof Map)) {
            throw new RodentYamlException(name + ": expected a map of sections (events:, toggle:) at the top, found " + kindOf(root));
        }
        Map<RodentKeys.Key, String> spellings = new LinkedHashMap<>();
        Map<RodentKeys.Key, Object> values = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        for (Map.Entry<?, ?> section : ((Map<?, ?>) root).entrySet()) {
            String sectionName = String.valueOf(section.getKey()).toLowerCase(Locale.ROOT);
            if (sectionName.equals(EVENTS_SECTION) || sectionName.equals(TOGGLE_SECTION)) {
                readSection(name, sectionName, section.getValue(), spellings, values, notices);
            } else {
                ignored.add(String.valueOf(section.getKey()));
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        boolean toggleDisabled = false;
        for (Map.Entry<RodentKeys.Key, Object> entry : values.entrySet()) {
            RodentKeys.Key key = entry.getKey();
            switch (key.kind()) {
                case TOGGLE_ENABLE -> toggleDisabled = !(Boolean) entry.getValue();
                case IGNORED -> notices.add(Notice.info(name + ": " + key.path(spellings.get(key))
                        + " is ignored: the node sends events over gRPC to toggle.address (upstream's rpcAddr) and does not use Toggle's REST URL"));
                default -> properties.put(key.property(), entry.getValue());
            }
        }
        if (toggleDisabled) {
            properties.remove(TOGGLE_PREFIX + "address");
            notices.add(Notice.info(name + ": Toggle is disabled by toggle.enable: false; toggle.address is left out, so events"
                    + " stay in the spool and events:stats shows toggle_state not_configured"));
        }
        return new MappedConfiguration(properties, ignored, notices);
    }

    // Reads one section into values (key -> converted value) and spellings (key -> the name last used for it).
    private static void readSection(String name, String section, Object body, Map<RodentKeys.Key, String> spellings,
            Map<RodentKeys.Key, Object> values, List<Notice> notices) throws RodentYamlException {
        if (body == null) {
            return;
        }
        if (!(body instanceof Map)) {
            throw new RodentYamlException(name + ": section '" + section + "' must be a map of keys, found " + kindOf(body));
        }
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) body).entrySet()) {
            String spelling = String.valueOf(entry.getKey());
            Optional<RodentKeys.Key> found = RodentKeys.find(section, spelling);
            if (found.isEmpty()) {
                notices.add(Notice.warn(name + ": unknown key " + section + "." + spelling + " is ignored; the nearest known key is "
                        + section + "." + RodentKeys.nearest(section, spelling)));
                continue;
            }
            RodentKeys.Key key = found.get();
            String where = name + ": " + key.path(spelling);
            Object value = key.kind() == RodentKeys.Kind.IGNORED ? blankToNull(entry.getValue()) : propertyValue(where, entry.getValue());
            if (value == null) {
                continue;
            }
            String earlier = spellings.put(key, spelling);
            if (earlier != null) {
                notices.add(Notice.warn(name + ": " + key.path(earlier) + " and " + key.path(spelling) + " both set "
                        + key.property() + "; the last in the file, " + key.path(spelling) + ", wins"));
                values.remove(key);
            }
            values.put(key, RodentValues.convert(key.kind(), value, where));
        }
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

    private static Object propertyValue(String where, Object value) throws RodentYamlException {
        if (value == null || value instanceof Integer || value instanceof Long || value instanceof Double
                || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() < Long.SIZE) {
                return big.longValue();
            }
            throw new RodentYamlException(where + " is out of range (at most " + Long.MAX_VALUE + ")");
        }
        if (value instanceof List<?> list) {
            String[] strings = new String[list.size()];
            for (int i = 0; i < strings.length; i++) {
                Object element = list.get(i);
                if (!isPlainScalar(element)) {
                    throw new RodentYamlException(where + " item " + (i + 1) + " is " + kindOf(element)
                            + "; expected a list of plain values");
                }
                strings[i] = String.valueOf(element);
            }
            return strings;
        }
        throw new RodentYamlException(where + " is " + kindOf(value)
                + "; expected a number, true/false, a string or a list (quote a value to make it a string)");
    }

    private static Object blankToNull(Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : value;
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
