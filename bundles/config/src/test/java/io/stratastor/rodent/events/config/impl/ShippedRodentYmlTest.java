package io.stratastor.rodent.events.config.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.core.impl.settings.PipelineConfiguration;
import io.stratastor.rodent.events.core.impl.settings.Profile;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The distribution's etc/rodent.yml documents every key of the core's metatype, each with its
 * default: the annotation's, or the default profile's where the annotation's "not set" defers to
 * the profile. A key with an empty default may show an example instead.
 */
class ShippedRodentYmlTest {
    private static final Path SHIPPED = Path.of(System.getProperty("basedir", "."))
            .resolve("../../distribution/src/main/dist/etc/rodent.yml");
    // "  key: value" or "  # key: value", optionally followed by "  # comment"; in a section.
    private static final Pattern KEY = Pattern.compile("^  (?:# )?([a-z_]+): (.*?)(?:\\s+#.*)?$");
    private static final Pattern SECTION = Pattern.compile("^([a-z]+):\\s*$");

    // "events.<key>" or "toggle.<key>" -> the value shown, as written.
    private static Map<String, String> documented() throws Exception {
        Map<String, String> keys = new HashMap<>();
        String section = null;
        for (String line : Files.readAllLines(SHIPPED)) {
            Matcher top = SECTION.matcher(line);
            if (top.matches()) {
                section = top.group(1);
                continue;
            }
            Matcher key = KEY.matcher(line);
            if (section != null && key.matches()) {
                keys.put(section + "." + key.group(1), key.group(2));
            }
        }
        return keys;
    }

    @Test
    void everyMetatypeKeyIsThereWithItsDefault() throws Exception {
        Map<String, String> documented = documented();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<String> missing = new ArrayList<>();
        Set<String> metatype = new HashSet<>();
        for (Method attribute : PipelineConfiguration.class.getDeclaredMethods()) {
            String property = dsPropertyName(attribute.getName());
            String place = property.startsWith("toggle.") ? property : "events." + property;
            metatype.add(place);
            String shown = documented.get(place);
            if (shown == null) {
                missing.add(place);
                continue;
            }
            Object expected = profileDefault(property).orElse(normalized(attribute.getDefaultValue()));
            if (!isUnset(expected)) {
                assertThat(normalized(yaml.load(shown))).as(place + " in " + SHIPPED).isEqualTo(expected);
            }
        }
        assertThat(missing).as("metatype keys missing from " + SHIPPED).isEmpty();
        assertThat(documented.keySet()).as("keys of " + SHIPPED + " the metatype lacks").isSubsetOf(metatype);
    }

    // Where the annotation's default is "not set", the default profile's value applies.
    private static Optional<Object> profileDefault(String property) {
        Profile profile = Profile.DEFAULT;
        return Optional.ofNullable(switch (property) {
            case "buffer_size" -> normalized(profile.bufferSize());
            case "flush_threshold" -> normalized(profile.flushThreshold());
            case "batch_size" -> normalized(profile.batchSize());
            case "batch_timeout" -> normalized(profile.batchTimeout().toSeconds());
            case "enabled_levels" -> normalized(profile.levels().stream().map(Level::label).sorted().toList());
            default -> null;
        });
    }

    private static boolean isUnset(Object value) {
        return value.equals("") || value instanceof List<?> list && list.isEmpty();
    }

    // Numbers as plain decimals, arrays as lists (sorted: the levels are a set), the rest as text.
    private static Object normalized(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
            return normalized(items);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ShippedRodentYmlTest::normalized).map(String::valueOf).sorted().toList();
        }
        return String.valueOf(value == null ? "" : value);
    }

    // DS's mapping of an annotation method to a property name: "__" is "_", a lone "_" is ".".
    private static String dsPropertyName(String method) {
        return method.replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }
}
