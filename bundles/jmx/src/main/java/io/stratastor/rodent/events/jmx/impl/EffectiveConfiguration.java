package io.stratastor.rodent.events.jmx.impl;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The effective configuration of the core's PID: Config Admin's stored values over the metatype's
 * defaults, in the metatype's order, then stored keys it does not know; secrets only as set/not set.
 * Thread-safe as Config Admin and Metatype are.
 */
final class EffectiveConfiguration implements Supplier<Map<String, String>> {
    static final String PID = "rodent.events";
    static final String SET = "set";
    static final String NOT_SET = "not set";
    private static final Set<String> MANAGED = Set.of(Constants.SERVICE_PID, "service.factoryPid", "service.bundleLocation");

    /** One key the metatype describes; {@code defaultValue} is comma-separated, empty when none. */
    record Key(String id, boolean secret, String defaultValue) {
    }

    private final ConfigurationAdmin admin;
    private final MetaTypeService metatype;
    private final Supplier<Bundle[]> bundles;

    /** @param metatype null when no Metatype service runs: the stored values only */
    EffectiveConfiguration(ConfigurationAdmin admin, MetaTypeService metatype, Supplier<Bundle[]> bundles) {
        this.admin = admin;
        this.metatype = metatype;
        this.bundles = bundles;
    }

    @Override
    public Map<String, String> get() {
        try {
            Configuration[] found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + PID + ")");
            return merge(found == null || found.length == 0 ? null : found[0].getProperties(), keys());
        } catch (IOException | InvalidSyntaxException e) {
            return Map.of("error", "cannot read configuration " + PID + ": " + e.getMessage());
        }
    }

    /** @param stored the PID's stored properties, null when it has none */
    static Map<String, String> merge(Dictionary<String, Object> stored, List<Key> keys) {
        Set<String> storedKeys = new TreeSet<>(stored == null ? List.of() : Collections.list(stored.keys()));
        storedKeys.removeAll(MANAGED);
        Map<String, String> effective = new LinkedHashMap<>();
        for (Key key : keys) {
            String value = storedKeys.remove(key.id()) ? text(stored.get(key.id())) : key.defaultValue();
            effective.put(key.id(), shown(key.id(), value, key.secret()));
        }
        for (String id : storedKeys) {
            effective.put(id, shown(id, text(stored.get(id)), false));
        }
        return effective;
    }

    // A key the metatype does not mark is still masked when its name says it holds a credential.
    private static String shown(String id, String value, boolean secret) {
        String name = id.toLowerCase(Locale.ROOT);
        boolean credential = !name.endsWith("_file") && (name.contains("jwt") || name.contains("token")
                || name.contains("password") || name.contains("secret"));
        if (secret || credential) {
            return value.isEmpty() ? NOT_SET : SET;
        }
        return value;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(",", items);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    private List<Key> keys() {
        if (metatype == null) {
            return List.of();
        }
        for (Bundle bundle : bundles.get()) {
            MetaTypeInformation information = metatype.getMetaTypeInformation(bundle);
            if (information != null && List.of(information.getPids()).contains(PID)) {
                List<Key> keys = new ArrayList<>();
                ObjectClassDefinition definition = information.getObjectClassDefinition(PID, null);
                for (AttributeDefinition attribute : definition.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
                    String[] defaults = attribute.getDefaultValue();
                    keys.add(new Key(attribute.getID(), attribute.getType() == AttributeDefinition.PASSWORD,
                            defaults == null ? "" : String.join(",", defaults)));
                }
                return keys;
            }
        }
        return List.of();
    }
}
