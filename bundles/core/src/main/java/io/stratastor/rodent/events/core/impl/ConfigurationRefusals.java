package io.stratastor.rodent.events.core.impl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The configurations of PID {@code rodent.events} refused since start, for {@code events:stats}:
 * how many, and why the last one was, until a configuration is applied. Thread-safe.
 */
final class ConfigurationRefusals {
    static final String COUNT_KEY = "config_refused";
    static final String ERROR_KEY = "config_refused_error";

    private final AtomicLong refused = new AtomicLong();
    private volatile String lastError = "";

    /** A configuration was refused for {@code reason} (a message naming the key, never a secret). */
    void refused(String reason) {
        refused.incrementAndGet();
        lastError = reason;
    }

    /** A configuration is in force: the last refusal no longer describes the node. */
    void applied() {
        lastError = "";
    }

    /** {@code stats} with the two refusal lines added. */
    Map<String, Object> addTo(Map<String, Object> stats) {
        Map<String, Object> result = new LinkedHashMap<>(stats);
        result.put(COUNT_KEY, refused.get());
        result.put(ERROR_KEY, lastError);
        return result;
    }
}
