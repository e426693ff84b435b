package io.stratastor.rodent.events.shell.impl;

import io.stratastor.rodent.events.api.EventStats;
import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.api.UnmigratedType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stats held in a map the test changes; flush answers {@code flushResult} or is interrupted. */
final class FakeEventSystem implements EventSystem {
    final Map<String, Object> stats = new LinkedHashMap<>();
    boolean flushResult = true;
    boolean interruptFlush;
    long lastFlushTimeout = -1;
    final List<UnmigratedType> unmigrated = new ArrayList<>();

    @Override
    public boolean isInitialized() {
        return true;
    }

    @Override
    public Map<String, Object> stats() {
        return new LinkedHashMap<>(stats);
    }

    // The shell reads the map view only.
    @Override
    public EventStats snapshot() {
        throw new UnsupportedOperationException("the shell reads stats()");
    }

    @Override
    public boolean flush(long timeoutMillis) throws InterruptedException {
        lastFlushTimeout = timeoutMillis;
        if (interruptFlush) {
            throw new InterruptedException();
        }
        return flushResult;
    }

    @Override
    public List<UnmigratedType> unmigratedTypes() {
        return List.copyOf(unmigrated);
    }
}
