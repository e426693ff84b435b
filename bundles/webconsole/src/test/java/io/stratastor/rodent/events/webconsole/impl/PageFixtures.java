package io.stratastor.rodent.events.webconsole.impl;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.DeadLetter;
import io.stratastor.rodent.events.api.DeadLetterQueue;
import io.stratastor.rodent.events.api.EventStats;
import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Stand-ins for the services the page reads, and events to show. */
final class PageFixtures {
    private PageFixtures() {
    }

    static Event event(Level level, Category category, String type, Map<String, String> metadata) {
        return Event.newBuilder().setLevel(level.wireValue()).setCategory(category.wireValue()).setEventType(type)
                .setSource("test-source").setTimestamp(1_700_000_000_000L).putAllMetadata(metadata).build();
    }

    static EventStats stats(long sent, String toggleState, String lastError) {
        return new EventStats(true, false,
                new EventStats.Settings("default", 100, 100, 1000, 30, Set.of(Level.INFO), Set.of(Category.STORAGE)),
                new EventStats.Intake(7, 0, 0, 0, 0, 0, Map.of(), 1, 0, 0),
                new EventStats.Shipping(sent, 1, 0, 0, 0, 2, 0, "toggle:50051", true, toggleState, "2025-09", "none", 0, lastError, 0, 0),
                new EventStats.Store(3, 1000, 12, "ok", null), OptionalLong.empty());
    }

    /** An event system answering the stats it is given; the page calls nothing else. */
    static EventSystem system(EventStats stats) {
        return (EventSystem) Proxy.newProxyInstance(PageFixtures.class.getClassLoader(), new Class<?>[] {EventSystem.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "snapshot" -> stats;
                    case "stats" -> stats.asMap();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Dead letters kept in a list; {@link #resent} records each resend. */
    static final class Letters implements DeadLetterQueue {
        final List<DeadLetter> letters = new ArrayList<>();
        final List<String> resent = new ArrayList<>();

        Letters add(String batchId, int events, String reason) {
            letters.add(new DeadLetter(batchId, events, reason, Instant.parse("2026-01-02T03:04:05Z")));
            return this;
        }

        @Override
        public List<DeadLetter> list() {
            return List.copyOf(letters);
        }

        @Override
        public int resend(String batchId) {
            DeadLetter letter = letters.stream().filter(l -> l.batchId().equals(batchId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no dead letter " + batchId));
            letters.remove(letter);
            resent.add(batchId);
            return letter.eventCount();
        }

        @Override
        public int resendAll() {
            int events = letters.stream().mapToInt(DeadLetter::eventCount).sum();
            letters.forEach(letter -> resent.add(letter.batchId()));
            letters.clear();
            return events;
        }
    }

    /** A Config Admin holding one configuration of PID rodent.events with {@code properties}. */
    static ConfigurationAdmin configAdmin(Map<String, Object> properties) {
        Dictionary<String, Object> stored = new Hashtable<>(properties);
        stored.put("service.pid", MaskedConfiguration.PID);
        Configuration configuration = (Configuration) Proxy.newProxyInstance(PageFixtures.class.getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperties")) {
                        return stored;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (ConfigurationAdmin) Proxy.newProxyInstance(PageFixtures.class.getClassLoader(), new Class<?>[] {ConfigurationAdmin.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("listConfigurations")) {
                        return new Configuration[] {configuration};
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
