package io.stratastor.rodent.events.config.impl;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link RodentYamlMapper} made of a {@code rodent.yml}: the properties of configuration PID
 * {@code rodent.events}, sorted by key, the top-level sections it left to the rest of Rodent, and
 * the notices to log. Immutable.
 */
final class MappedConfiguration {
    private final SortedMap<String, Object> properties;
    private final List<String> ignoredSections;
    private final List<Notice> notices;

    MappedConfiguration(Map<String, Object> properties, List<String> ignoredSections, List<Notice> notices) {
        this.properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
        this.ignoredSections = List.copyOf(ignoredSections);
        this.notices = List.copyOf(notices);
    }

    /** Configuration Admin properties: Integer, Long, Double, Boolean, String or String[] values. */
    SortedMap<String, Object> properties() {
        return properties;
    }

    /** Top-level sections other than {@code events} and {@code toggle}, in file order. */
    List<String> ignoredSections() {
        return ignoredSections;
    }

    /** What the bridge logs about the file (unknown keys, keys given twice, keys ignored), in file order. */
    List<Notice> notices() {
        return notices;
    }

    /** The property keys, for logging: values may be secrets ({@code toggle.jwt}) and are never shown. */
    @Override
    public String toString() {
        return "MappedConfiguration" + properties.keySet() + (ignoredSections.isEmpty() ? "" : " ignoring " + ignoredSections);
    }
}
