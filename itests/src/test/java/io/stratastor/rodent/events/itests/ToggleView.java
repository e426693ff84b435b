package io.stratastor.rodent.events.itests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The probe's side of {@link ToggleBridge}: the reference Toggle seen from inside the framework. */
final class ToggleView {
    private final Map<String, Object> view;

    @SuppressWarnings("unchecked")
    ToggleView(Class<?> testClass) {
        this.view = (Map<String, Object>) System.getProperties().get(ToggleBridge.key(testClass));
        if (view == null) {
            throw new IllegalStateException("no reference Toggle started for " + testClass.getSimpleName());
        }
    }

    String address() {
        return "127.0.0.1:" + view.get("port");
    }

    @SuppressWarnings("unchecked")
    boolean awaitUnique(int count, Duration timeout) {
        return ((BiPredicate<Integer, Long>) view.get("await")).test(count, timeout.toMillis());
    }

    @SuppressWarnings("unchecked")
    List<ReceivedEvent> events() {
        List<ReceivedEvent> events = new ArrayList<>();
        for (Map<String, Object> event : ((Supplier<List<Map<String, Object>>>) view.get("events")).get()) {
            events.add(ReceivedEvent.of(event));
        }
        return events;
    }

    /** Waits for {@code count} of the node's own events (system.startup, system.shutdown, system.config.changed). */
    @SuppressWarnings("unchecked")
    boolean awaitNodeEvents(int count, Duration timeout) {
        return ((BiPredicate<Integer, Long>) view.get("await_node")).test(count, timeout.toMillis());
    }

    /** The node's own events received. */
    @SuppressWarnings("unchecked")
    List<ReceivedEvent> nodeEvents() {
        List<ReceivedEvent> events = new ArrayList<>();
        for (Map<String, Object> event : ((Supplier<List<Map<String, Object>>>) view.get("node_events")).get()) {
            events.add(ReceivedEvent.of(event));
        }
        return events;
    }

    /** Takes the Toggle down (every call UNAVAILABLE, its ledger kept) or up again. */
    @SuppressWarnings("unchecked")
    void down(boolean down) {
        ((Consumer<Boolean>) view.get("down")).accept(down);
    }

    @SuppressWarnings("unchecked")
    long rejectedCalls() {
        return ((Supplier<Long>) view.get("rejected_calls")).get();
    }
}
