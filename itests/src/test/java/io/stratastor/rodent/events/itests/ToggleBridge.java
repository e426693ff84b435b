package io.stratastor.rodent.events.itests;

import io.stratastor.rodent.events.toggle.ToggleSink;
import io.stratastor.rodent.events.upstream.DecodedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Starts a reference Toggle in the test JVM and hands the test probe inside the framework a view
 * of it typed only with JDK interfaces (the two sides have different class loaders for everything
 * else), through a system-properties entry. Runs outside OSGi.
 */
final class ToggleBridge {
    private ToggleBridge() {
    }

    static String key(Class<?> testClass) {
        return "rodent.itest.toggle." + testClass.getSimpleName();
    }

    /** Starts a Toggle of generation 2025-09 accepting exactly {@code token} and publishes its view for {@code testClass}. */
    static ToggleSink start(Class<?> testClass, String token) {
        return start(testClass, token, "2025-09");
    }

    /** The same, the Toggle reading schema generation {@code schema} ({@code 2025-09} or {@code 2025-12}). */
    static ToggleSink start(Class<?> testClass, String token, String schema) {
        ToggleSink sink;
        try {
            sink = ToggleSink.builder().host("127.0.0.1").port(0).exactToken(token).schema(schema).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the reference Toggle", e);
        }
        Map<String, Object> view = new HashMap<>();
        view.put("port", sink.port());
        // The node's own events (system.startup, …) are set apart: a test counts what its modules sent.
        view.put("await", (BiPredicate<Integer, Long>) (count, millis) -> sink.awaitUnique(event -> !nodeEvent(event), count,
                Duration.ofMillis(millis)));
        view.put("events", (Supplier<List<Map<String, Object>>>) () -> sink.uniqueEvents().stream().filter(event -> !nodeEvent(event))
                .map(ToggleBridge::viewOf).collect(Collectors.toList()));
        view.put("await_node", (BiPredicate<Integer, Long>) (count, millis) -> sink.awaitUnique(ToggleBridge::nodeEvent, count,
                Duration.ofMillis(millis)));
        view.put("node_events", (Supplier<List<Map<String, Object>>>) () -> sink.uniqueEvents().stream()
                .filter(ToggleBridge::nodeEvent).map(ToggleBridge::viewOf).collect(Collectors.toList()));
        view.put("down", (Consumer<Boolean>) down -> sink.faults().down(down));
        view.put("rejected_calls", (Supplier<Long>) () -> sink.counts().rejectedCalls());
        System.getProperties().put(key(testClass), view);
        return sink;
    }

    static boolean nodeEvent(DecodedEvent event) {
        return "rodent-events-core".equals(event.metadata().get("emitted_by"));
    }

    // JDK types only: the decoded payload holds maps, lists, strings, numbers and booleans.
    private static Map<String, Object> viewOf(DecodedEvent event) {
        Map<String, Object> view = new HashMap<>();
        view.put("event_id", event.eventId());
        view.put("type", event.type());
        view.put("operation", event.operation());
        view.put("level", event.level());
        view.put("category", event.category());
        view.put("source", event.source());
        view.put("timestamp", event.timestamp());
        view.put("metadata", Map.copyOf(event.metadata()));
        view.put("payload", event.payload());
        view.put("problems", List.copyOf(event.problems()));
        view.put("notes", List.copyOf(event.notes()));
        return view;
    }
}
