package io.stratastor.rodent.events.shell.impl;

import io.stratastor.rodent.events.api.EventSystem;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stats held in a map the test changes; flush answers {@code flushResult} or is interrupted. */
final class FakeEventSystem implements EventSystem {
    final Map<String, Object> stats = new LinkedHashMap<>();
    boolean flushResult = true;
    boolean interruptFlush;
    long lastFlushTimeout = -1;

    @Override
    public boolean isInitialized() {
        return true;
    }

    @Override
    public Map<String, Object> stats() {
        return new LinkedHashMap<>(stats);
    }

    @Override
    public boolean flush(long timeoutMillis) throws InterruptedException {
        lastFlushTimeout = timeoutMillis;
        if (interruptFlush) {
            throw new InterruptedException();
        }
        return flushResult;
    }
}
