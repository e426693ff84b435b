package io.stratastor.rodent.events.bench;

import io.stratastor.rodent.events.core.impl.settings.SettingsBuilder;
import io.stratastor.rodent.events.core.impl.settings.ToggleSettings;
import io.stratastor.rodent.events.core.impl.transport.GrpcToggleTransport;
import io.stratastor.rodent.events.core.impl.transport.SendOutcome;
import io.stratastor.rodent.events.core.impl.wire.EncodedBatch;
import io.stratastor.rodent.events.toggle.ToggleSink;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The counting reference Toggle on loopback and the node's own gRPC transport to it, with a window
 * of calls in flight as the shipper keeps them: {@link #send} waits only while the window is full.
 * Every answer is checked; {@link #drain()} waits for the last ones and fails when a batch was not
 * delivered or Toggle counted fewer events than were sent. One sending thread.
 */
final class LoopbackToggle implements AutoCloseable {
    private static final Duration WAIT_FOR_COUNT = Duration.ofMinutes(1);

    private final ToggleSink sink;
    private final GrpcToggleTransport transport;
    private final Duration deadline;
    private final Semaphore window;
    private final int inFlight;
    private final AtomicReference<String> failure = new AtomicReference<>();
    private long sentEvents;

    private LoopbackToggle(ToggleSink sink, ToggleSettings toggle, int inFlight) {
        this.sink = sink;
        this.transport = new GrpcToggleTransport(toggle);
        this.deadline = toggle.deadline();
        this.inFlight = inFlight;
        this.window = new Semaphore(inFlight);
    }

    /** A counting Toggle on an ephemeral port, no authentication, and a transport with the node's settings for it. */
    static LoopbackToggle start(int inFlight) throws IOException {
        ToggleSink sink = ToggleSink.builder().port(0).noAuth().retainEvents(false).counting().build().start();
        try {
            ToggleSettings toggle = new SettingsBuilder().toggleAddress("127.0.0.1:" + sink.port()).build().toggle();
            return new LoopbackToggle(sink, toggle, inFlight);
        } catch (RuntimeException e) {
            sink.close();
            throw e;
        }
    }

    /** Sends {@code batch} once a place in the window is free; its answer frees the place again. */
    void send(EncodedBatch batch) throws InterruptedException {
        window.acquire();
        String failed = failure.get();
        if (failed != null) {
            window.release();
            throw new IllegalStateException("a batch was not delivered: " + failed);
        }
        sentEvents += batch.events();
        transport.send(batch, "", deadline).whenComplete((result, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error.toString());
            } else if (result.outcome() != SendOutcome.DELIVERED) {
                failure.compareAndSet(null, result.outcome() + " " + result.detail());
            }
            window.release();
        });
    }

    /** Waits for every call in flight to be answered, then checks that Toggle counted every event sent. */
    void drain() throws InterruptedException {
        window.acquire(inFlight);
        window.release(inFlight);
        String failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("a batch was not delivered: " + failed);
        }
        if (!sink.awaitReceived(sentEvents, WAIT_FOR_COUNT)) {
            throw new IllegalStateException("Toggle counted " + sink.counts().received() + " events of " + sentEvents + " sent");
        }
    }

    @Override
    public void close() {
        transport.close();
        sink.close();
    }
}
