package io.stratastor.rodent.events.eventadmin.impl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the bridge did with the events the pipeline accepted, since it started. Each accepted
 * event is counted once: {@code posted}, {@code filtered} (its type, category or level not
 * selected), {@code unheard} (no handler listened on our topics), {@code full} (the hand-off was full), {@code failed} (Event Admin threw, the
 * envelope did not parse, or the bridge stopped before posting it). Thread-safe.
 */
final class BridgeCounters {
    final LongAdder posted = new LongAdder();
    final LongAdder filtered = new LongAdder();
    final LongAdder unheard = new LongAdder();
    final LongAdder full = new LongAdder();
    final LongAdder failed = new LongAdder();

    /** The counters and the events waiting now, in a fixed order. */
    Map<String, Long> snapshot(int pending) {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        snapshot.put("posted", posted.sum());
        snapshot.put("filtered", filtered.sum());
        snapshot.put("unheard", unheard.sum());
        snapshot.put("full", full.sum());
        snapshot.put("failed", failed.sum());
        snapshot.put("pending", (long) pending);
        return snapshot;
    }
}
