package io.stratastor.rodent.events.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The demo's rodent.yml: the {@code events:} section of the node's own file with a one-second
 * batch timeout, so the events reach Toggle while the demo watches, and a {@code toggle:} section
 * pointing at the reference Toggle, in the wire generation it reads ({@code toggle.schema}). Stateless.
 */
final class DemoConfig {
    static final int DEMO_BATCH_TIMEOUT_SECONDS = 1;

    private DemoConfig() {
    }

    /**
     * Builds the demo's YAML.
     *
     * @param base the text of the node's rodent.yml
     * @param baseName the file's name, for messages
     * @param schema the wire generation, {@code 2025-09} or {@code 2025-12}, written as {@code toggle.schema}
     * @throws IllegalArgumentException when {@code base} is not YAML with a map at the top and a map (or nothing) under {@code events:}
     */
    static String yaml(String base, String baseName, String toggleAddress, String token, String schema) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(base);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(baseName + " is not valid YAML; fix it or give --config FILE");
        }
        Map<String, Object> events = new LinkedHashMap<>();
        if (root instanceof Map<?, ?> sections) {
            Object section = sections.get("events");
            if (section instanceof Map<?, ?> keys) {
                keys.forEach((key, value) -> events.put(String.valueOf(key), value));
            } else if (section != null) {
                throw new IllegalArgumentException(baseName + ": section 'events' must be a map of keys");
            }
        } else if (root != null) {
            throw new IllegalArgumentException(baseName + ": expected a map of sections (events:, toggle:) at the top");
        }
        events.put("batch_timeout", DEMO_BATCH_TIMEOUT_SECONDS);
        Map<String, Object> toggle = new LinkedHashMap<>();
        toggle.put("address", toggleAddress);
        toggle.put("jwt", token);
        toggle.put("schema", schema);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("events", events);
        document.put("toggle", toggle);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return "# Written by rodent-events --demo; removed when the demo ends.\n" + new Yaml(options).dump(document);
    }
}
