package io.stratastor.rodent.events.webconsole.impl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What both servlet adapters share: the Web Console service properties that make a servlet a
 * plugin, and the request's parameters as the page reads them. Stateless.
 */
public final class ConsolePlugin {
    /** The page's address under the console: {@code /system/console/rodent-events}. */
    public static final String LABEL = "felix.webconsole.label=rodent-events";
    public static final String TITLE = "felix.webconsole.title=Rodent Events";
    public static final String CATEGORY = "felix.webconsole.category=Rodent";
    public static final String CONTENT_TYPE = "text/html;charset=UTF-8";

    private ConsolePlugin() {
    }

    /**
     * Whether a request's {@code Origin} header names the server it reached; a request without one
     * (not sent by a browser's cross-site form) counts as the same origin.
     */
    public static boolean sameOrigin(String origin, String scheme, String host, int port) {
        if (origin == null) {
            return true;
        }
        int defaultPort = "https".equalsIgnoreCase(scheme) ? 443 : 80;
        String expected = scheme + "://" + host + (port == defaultPort ? "" : ":" + port);
        return origin.equalsIgnoreCase(expected);
    }

    /** The first value of each parameter (a form sends each field once). */
    static Map<String, String> fields(Map<String, String[]> parameters) {
        Map<String, String> fields = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (values != null && values.length > 0) {
                fields.put(name, values[0]);
            }
        });
        return fields;
    }
}
