package io.stratastor.rodent.events.shell.impl;

import io.stratastor.rodent.events.api.EventSystem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code events:flush}: ships what is pending now and waits for Toggle to acknowledge it. Thread-safe. */
@Component(service = FlushCommand.class)
@GogoCommand(scope = "events", function = {"flush"})
public final class FlushCommand {
    static final String USAGE = "usage: events:flush [--timeout SECONDS]";
    static final String DEFAULT_TIMEOUT_SECONDS = "10";
    static final long MAX_TIMEOUT_SECONDS = 3600;

    // Optional and dynamic: the command stays available, and says so, while the core is stopped or updated.
    private final AtomicReference<EventSystem> eventSystem = new AtomicReference<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEventSystem(EventSystem system) {
        eventSystem.set(system);
    }

    void unsetEventSystem(EventSystem system) {
        eventSystem.compareAndSet(system, null);
    }

    @Descriptor("Ship the pending events now and wait until Toggle acknowledged them;"
            + " prints 'flushed: nothing pending' or what is still pending and why")
    public String flush(
            @Descriptor("[--timeout SECONDS] how long to wait at most (default 10, fractions allowed, up to 3600)")
            String... args) {
        long timeoutMillis;
        try {
            CommandArgs parsed = CommandArgs.parse(args, List.of(CommandArgs.Option.value("--timeout", "-t")), USAGE);
            if (!parsed.positional().isEmpty()) {
                throw new CommandException("unexpected argument '" + parsed.positional().get(0) + "'; " + USAGE);
            }
            timeoutMillis = CommandArgs.seconds("--timeout", parsed.value("--timeout", DEFAULT_TIMEOUT_SECONDS), MAX_TIMEOUT_SECONDS);
        } catch (CommandException e) {
            return CommandResults.error(e.getMessage());
        }
        EventSystem system = eventSystem.get();
        if (system == null) {
            return CommandResults.error(StatsCommand.NOT_RUNNING);
        }
        Map<String, Object> before = system.stats();
        if ("not_configured".equals(before.get("toggle_state")) && before.get("pending") instanceof Number pending
                && pending.longValue() > 0) {
            return "nothing can ship: " + pending(before) + "; set toggle.address (events:config toggle.address HOST:PORT)";
        }
        try {
            if (system.flush(timeoutMillis)) {
                return "flushed: nothing pending";
            }
            return "timed out after " + seconds(timeoutMillis) + " s with " + pending(system.stats());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted with " + pending(system.stats());
        }
    }

    /** {@code 12 pending (toggle_state unavailable, last_error ...)}; absent figures show as {@code -}. */
    static String pending(Map<String, Object> stats) {
        return figure(stats, "pending") + " pending (toggle_state " + figure(stats, "toggle_state") + ", last_error "
                + figure(stats, "last_error") + ")";
    }

    private static String figure(Map<String, Object> stats, String key) {
        String text = stats.get(key) == null ? "" : CommandResults.oneLine(String.valueOf(stats.get(key)));
        return text.isEmpty() ? "-" : text;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0);
    }
}
