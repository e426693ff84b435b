package io.stratastor.rodent.events.webconsole.impl;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The configuration of PID {@value #PID} as Config Admin holds it, for display: Config Admin's own
 * keys left out, and every secret ({@code toggle.jwt} and any key naming a token, password or secret)
 * shown only as {@code set} or {@code not set}. Stateless.
 */
final class MaskedConfiguration {
    static final String PID = "rodent.events";
    private static final String[] SECRET_WORDS = {"jwt", "token", "password", "secret"};

    private MaskedConfiguration() {
    }

    /**
     * The stored keys, sorted, with their shown values; empty when the PID has no configuration.
     *
     * @throws IOException when Config Admin cannot be read; the message names the PID
     */
    static Map<String, String> read(ConfigurationAdmin admin) throws IOException {
        Configuration[] found;
        try {
            found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + PID + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the filter for PID " + PID + " is invalid", e);
        }
        Map<String, String> shown = new TreeMap<>();
        if (found == null || found.length == 0 || found[0].getProperties() == null) {
            return shown;
        }
        Dictionary<String, Object> properties = found[0].getProperties();
        for (String key : Collections.list(properties.keys())) {
            if (!key.startsWith("service.") && !key.startsWith("felix.")) {
                shown.put(key, shown(key, properties.get(key)));
            }
        }
        return shown;
    }

    static String shown(String key, Object value) {
        String text = text(value);
        if (isSecret(key)) {
            return text.isEmpty() ? "not set" : "set";
        }
        return text;
    }

    static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value.getClass().isArray()) {
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < Array.getLength(value); i++) {
                joined.append(i == 0 ? "" : ",").append(Array.get(value, i));
            }
            return joined.toString();
        }
        return value.toString();
    }
}
