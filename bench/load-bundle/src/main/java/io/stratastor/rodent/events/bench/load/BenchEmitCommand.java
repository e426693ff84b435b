package io.stratastor.rodent.events.bench.load;

import io.stratastor.rodent.events.api.storage.StorageEvents;
import java.util.Locale;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code bench:emit}: the benchmarks' fixture event ({@link PoolFixture}) through the typed
 * {@link StorageEvents} service, as a bundle of the node would send it, {@code N} times from
 * {@code T} threads: {@code bench:emit --threads 2 --count 100000}, or {@code bench:emit 100000}
 * for one thread. Prints one line, {@code emitted N storage.pool.status.changed from T threads in
 * S s, R/s}, the rate being the calls that returned over the time from the threads' start to the
 * last one's end; a bad argument or a refused emit is one {@code error: } line, as the
 * {@code events:*} commands report them. The component waits for the service (a mandatory
 * reference), so the command exists only while the storage bundle runs. Thread-safe.
 */
@Component(service = BenchEmitCommand.class)
@GogoCommand(scope = "bench", function = {"emit"})
public final class BenchEmitCommand {
    static final String ERROR_PREFIX = "error: ";

    private final StorageEvents storage;
    private final ParallelEmitter emitter = new ParallelEmitter();

    @Activate
    public BenchEmitCommand(@Reference(name = "storage") StorageEvents storage) {
        this.storage = storage;
    }

    @Descriptor("Emit the benchmarks' pool event N times through StorageEvents from T threads;"
            + " prints 'emitted N TYPE from T threads in S s, R/s' or one 'error:' line")
    public String emit(@Descriptor("[--count] N [--threads T] (T from 1 to 64, default 1)") String... args) {
        EmitArguments request;
        try {
            request = EmitArguments.parse(args);
        } catch (IllegalArgumentException e) {
            return ERROR_PREFIX + e.getMessage();
        }
        ParallelEmitter.Result result;
        try {
            result = emitter.run(request.count(), request.threads(), () -> PoolFixture.emit(storage));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ERROR_PREFIX + "interrupted";
        }
        if (result.failure() != null) {
            return ERROR_PREFIX + result.failure().getClass().getSimpleName() + ": " + result.failure().getMessage()
                    + " (after " + result.emitted() + " of " + request.count() + " emitted)";
        }
        return line(result);
    }

    static String line(ParallelEmitter.Result result) {
        return String.format(Locale.ROOT, "emitted %d %s from %d threads in %.3f s, %.0f/s", result.emitted(),
                PoolFixture.EVENT_TYPE, result.threads(), result.nanos() / 1e9, result.perSecond());
    }
}
