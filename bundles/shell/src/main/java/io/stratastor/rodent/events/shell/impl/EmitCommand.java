package io.stratastor.rodent.events.shell.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.EventTypeDefinition;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Process;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code events:emit}: emits an event of any type of the schema through its category's
 * {@link CategoryEmitter}, with a payload given as JSON. A refusal is returned as one
 * {@code error: } line (see {@link CommandResults}). The options are parsed by {@link EmitRequest}
 * rather than Gogo's {@code @Parameter}, which cannot repeat ({@code --meta}). Thread-safe.
 */
@Component(service = EmitCommand.class)
@GogoCommand(scope = "events", function = {"emit"})
public final class EmitCommand {
    // Dynamic: category bundles come and go at run time and the shell must follow without restarting.
    private final List<CategoryEmitter> emitters = new CopyOnWriteArrayList<>();
    private final EventCatalog catalog;
    private final TypeSuggestions suggestions;
    private final PayloadJson payloads = new PayloadJson();

    @Activate
    public EmitCommand() {
        this.catalog = EventCatalog.fromSchema();
        this.suggestions = new TypeSuggestions(catalog.types().stream().map(EventTypeDefinition::eventType).toList());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEmitter(CategoryEmitter emitter) {
        emitters.add(emitter);
    }

    void removeEmitter(CategoryEmitter emitter) {
        emitters.remove(emitter);
    }

    @Descriptor("Emit an event through its category's emitter; prints 'emitted N TYPE (category, level)' or one 'error:' line."
            + " Quote JSON in single quotes: --payload '{\"pool_name\": \"tank\"}'")
    public String emit(
            @Descriptor("TYPE [--level info|warn|error|critical|essential|debug|trace] [--source S] [--meta key=value]..."
                    + " [--payload JSON] [--count N]"
                    + " [--rate EVENTS_PER_SECOND]; a long run prints its progress every second and stops on Ctrl-C")
            String... args) {
        try {
            return emit(EmitRequest.parse(args));
        } catch (CommandException e) {
            return CommandResults.error(e.getMessage());
        }
    }

    private String emit(EmitRequest request) throws CommandException {
        EventTypeDefinition definition = catalog.find(request.type())
                .orElseThrow(() -> new CommandException("unknown event type '" + request.type() + "'; "
                        + suggestions.phrase(request.type())));
        Level level = level(request.level());
        Message payload = payload(definition, request.payloadJson());
        Category category = Category.of(definition.category());
        CategoryEmitter emitter = emitterFor(category)
                .orElseThrow(() -> new CommandException("no emitter for category " + category.label()
                        + " is registered (bundle io.stratastor.rodent.events." + category.label().replace("_", "")
                        + " not active?); registered: " + registeredCategories()));
        Progress progress = new Progress(request.count());
        long pauseNanos = request.rate() > 0 ? (long) (1_000_000_000L / request.rate()) : 0;
        long start = System.nanoTime();
        int emitted = 0;
        try {
            for (; emitted < request.count(); emitted++) {
                if (Thread.currentThread().isInterrupted()) {
                    return "interrupted: emitted " + emitted + " of " + request.count() + " " + definition.eventType();
                }
                if (pauseNanos > 0) {
                    // Paced against the start, so the rate holds however long each emit takes.
                    long due = start + emitted * pauseNanos - System.nanoTime();
                    if (due > 0) {
                        LockSupport.parkNanos(due);
                    }
                }
                emitter.emit(request.source(), definition.eventType(), level, payload, request.metadata());
                progress.tick(emitted + 1);
            }
        } catch (RuntimeException e) {
            String reason = e instanceof IllegalArgumentException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new CommandException(reason + (emitted > 0 ? " (after " + emitted + " of " + request.count() + " emitted)" : ""));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String rate = request.count() > 1 && seconds > 0 ? String.format(" in %.1f s, %.0f/s", seconds, emitted / seconds) : "";
        return "emitted " + emitted + " " + definition.eventType() + " (" + category.label() + ", " + level.label() + ")" + rate;
    }

    /** Prints "emitting: N of M" about once a second to the command's output, for long runs. Not thread-safe. */
    private static final class Progress {
        private static final long EVERY_NANOS = 1_000_000_000L;
        private final int total;
        private final PrintStream out;
        private long next = System.nanoTime() + EVERY_NANOS;

        Progress(int total) {
            this.total = total;
            Process process = total > 1 ? Process.Utils.current() : null;
            this.out = process == null ? null : process.out();
        }

        void tick(int done) {
            if (out != null && done < total && System.nanoTime() >= next) {
                out.println("emitting: " + done + " of " + total);
                out.flush();
                next = System.nanoTime() + EVERY_NANOS;
            }
        }
    }

    private static Level level(String text) throws CommandException {
        try {
            return Level.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }

    private Message payload(EventTypeDefinition definition, String json) throws CommandException {
        Optional<Message> prototype = definition.payloadPrototype();
        if (prototype.isEmpty()) {
            if (json != null) {
                throw new CommandException(definition.eventType() + " has no payload message; leave out --payload");
            }
            return null;
        }
        return json == null ? prototype.get() : payloads.parse(definition.eventType(), prototype.get(), json);
    }

    private Optional<CategoryEmitter> emitterFor(Category category) {
        return emitters.stream().filter(emitter -> emitter.category() == category).findFirst();
    }

    private String registeredCategories() {
        String labels = emitters.stream().map(emitter -> emitter.category().label()).distinct().sorted()
                .collect(Collectors.joining(", "));
        return labels.isEmpty() ? "none" : labels;
    }
}
