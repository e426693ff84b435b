package io.stratastor.rodent.events.core.impl.intake;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.UnmigratedType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the old API's types that the catalogue lacks, per type and source, and logs each type
 * once: what an operator needs to see which modules still send unmigrated types. Bounded: past
 * {@value #MAX_ENTRIES} distinct pairs, further ones are counted under the source
 * {@value #OTHERS}, so hostile input cannot grow it. Thread-safe.
 */
final class UnmigratedTypes {
    static final int MAX_ENTRIES = 1024;
    static final String OTHERS = "(others)";
    private static final Logger LOG = LoggerFactory.getLogger(UnmigratedTypes.class);

    private record Key(String eventType, Category category, String source) {
    }

    private static final class Entry {
        final LongAdder count = new LongAdder();
        final Instant firstSeen;

        Entry(Instant firstSeen) {
            this.firstSeen = firstSeen;
        }
    }

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Boolean> logged = new ConcurrentHashMap<>();
    private final Clock clock;
    private final LongAdder total = new LongAdder();

    UnmigratedTypes(Clock clock) {
        this.clock = clock;
    }

    void count(String eventType, Category category, String source) {
        total.increment();
        Key key = new Key(eventType, category, source);
        Entry entry = entries.get(key);
        if (entry == null) {
            if (entries.size() >= MAX_ENTRIES) {
                key = new Key(OTHERS, category, OTHERS);
            }
            entry = entries.computeIfAbsent(key, k -> new Entry(clock.instant()));
        }
        entry.count.increment();
        if (logged.size() < MAX_ENTRIES && logged.putIfAbsent(eventType, Boolean.TRUE) == null) {
            LOG.warn("Old-API event type '{}' (from {}) is not in the catalogue; shipped as category {}. "
                    + "events:unmigrated lists such types; migrate the module to a typed emitter", eventType, source, category.label());
        }
    }

    long total() {
        return total.sum();
    }

    List<UnmigratedType> list() {
        List<UnmigratedType> list = new ArrayList<>();
        entries.forEach((key, entry) -> list.add(new UnmigratedType(key.eventType(), key.category(), key.source(), entry.count.sum(),
                entry.firstSeen)));
        list.sort(Comparator.comparingLong(UnmigratedType::count).reversed().thenComparing(UnmigratedType::eventType));
        return list;
    }
}
