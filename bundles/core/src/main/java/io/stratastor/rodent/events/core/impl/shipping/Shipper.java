package io.stratastor.rodent.events.core.impl.shipping;

import io.stratastor.rodent.events.core.impl.settings.Settings;
import io.stratastor.rodent.events.core.impl.settings.ToggleSettings;
import io.stratastor.rodent.events.core.impl.store.DeadLetters;
import io.stratastor.rodent.events.core.impl.store.EventStore;
import io.stratastor.rodent.events.core.impl.transport.ToggleTransport;
import io.stratastor.rodent.events.core.impl.wire.EncodedBatch;
import io.stratastor.rodent.events.core.impl.wire.UuidV7;
import io.stratastor.rodent.events.core.impl.wire.WireEncoders;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships the store's events to Toggle on a thread of its own: batches by size, byte cap and
 * timeout, keeps up to {@value InFlightWindow#MAX_IN_FLIGHT} batches in flight, forgets batches
 * only in order and once Toggle has them ({@link InFlightWindow}), retries a batch as the same
 * bytes (same {@code batch_id}) with backoff, holds everything while the token is refused
 * ({@link ToggleLink}). Batches are assembled from the store's records, each encoded in the schema
 * generation Toggle reads ({@link EncodedBatch#encode}); a batch sent again after
 * {@code toggle.schema} changed is encoded again in the new one, with the same {@code batch_id}
 * and event ids. While a backlog drains, new batches go at most at {@code replay_rate} events per
 * second ({@link ReplayBucket}); retries of batches already sent are not held again.
 * Thread-safe: {@link #wake()}, {@link #reconfigure}, {@link #flush} and {@link #stop} may be
 * called from any thread; all else runs on the shipper thread.
 */
public final class Shipper {
    /** What {@link #step} returns to be woken only by {@link #wake()}. */
    static final Duration UNTIL_WOKEN = Duration.ofNanos(Long.MAX_VALUE);
    /** What {@link #step} returns to go straight on to the next step. */
    static final Duration GO_ON = Duration.ZERO;
    private static final Logger LOG = LoggerFactory.getLogger(Shipper.class);

    private final EventStore store;
    private final ShippingCounters stats;
    private final ShippingClock clock;
    private final Random random;
    private final InFlightWindow window;
    private final ToggleLink link;
    private final Wakeups wakeups = new Wakeups();
    private final ReplayBucket replay = new ReplayBucket();
    private final DrainRate drained;
    private final BatchDue due;

    private volatile Settings settings;
    private volatile long stopDeadlineNanos;
    private volatile boolean stopping;
    private volatile Thread thread;

    public Shipper(EventStore store, ShippingCounters stats, Settings settings, ShippingClock clock, Random random,
            Function<ToggleSettings, ToggleTransport> transports, DeadLetters deadLetters, WireEncoders encoders) {
        this.store = store;
        this.stats = stats;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.window = new InFlightWindow(store, stats, deadLetters, encoders, this::wake);
        this.link = new ToggleLink(() -> this.settings, clock, random, transports, stats);
        this.drained = new DrainRate(clock);
        this.due = new BatchDue(clock);
    }

    public synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::run, "rodent-events-shipper");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Tells the shipper there may be a batch to send. Cheap enough for the emit path. */
    public void wake() {
        wakeups.wake();
    }

    public void reconfigure(Settings newSettings) {
        settings = newSettings;
        wake();
    }

    public ToggleState state() {
        return link.state();
    }

    /** The last failure's status and description; never holds the token. */
    public String lastError() {
        return link.lastError();
    }

    /** Events per second Toggle acknowledged over the last few seconds ({@link DrainRate}). Any thread. */
    public double drainRate() {
        return drained.perSecond();
    }

    /** Events of the batches in flight, which the store still holds too. */
    public int inFlight() {
        return window.events();
    }

    /**
     * Ships what is pending without waiting for the batch timeout and waits until the store is
     * empty or the timeout passes.
     *
     * @return whether the store was empty at return
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        return wakeups.flush(timeout, clock, () -> store.size() == 0);
    }

    /**
     * Ships what it can within {@code timeout}, then stops the thread and closes the transport.
     * Idempotent.
     */
    public void stop(Duration timeout) {
        Thread running;
        synchronized (this) {
            running = thread;
            thread = null;
        }
        if (running == null) {
            return;
        }
        stopDeadlineNanos = clock.nanoTime() + timeout.toNanos();
        link.stopping();
        stopping = true;
        wake();
        try {
            running.join(timeout.toMillis() + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) {
            running.interrupt();
        }
    }

    private void run() {
        try {
            while (!finished()) {
                Duration wait = step();
                if (!wait.isZero()) {
                    await(wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Shipper stopped by an unexpected error; events stay in the store", e);
        } finally {
            closeTransport();
        }
    }

    // Stopping ends once the store is empty, the deadline has passed, or Toggle is not taking
    // batches now (unconfigured, refusing the token, failing): the store keeps what is left.
    private boolean finished() {
        if (!stopping) {
            return false;
        }
        ToggleSettings toggle = settings.toggle();
        return store.size() == 0 || clock.nanoTime() >= stopDeadlineNanos || !toggle.configured() || link.refuses(toggle)
                || link.state() == ToggleState.UNAVAILABLE;
    }

    /**
     * One round: takes in answers, sends what may go, and says how long to wait before the next
     * round ({@link #GO_ON}: none; {@link #UNTIL_WOKEN}: until {@link #wake()}). Shipper thread.
     */
    Duration step() {
        settle();
        Settings current = settings;
        ToggleSettings toggle = current.toggle();
        if (!link.configured(toggle)) {
            closeTransport();
            return UNTIL_WOKEN;
        }
        ensureTransport(toggle);
        if (link.tokenRefused(toggle)) {
            // A token file may be replaced at any time: look at it again now and then.
            return toggle.tokenFile().isEmpty() ? UNTIL_WOKEN : ToggleLink.TOKEN_FILE_RECHECK;
        }
        Duration backoff = link.backoff();
        if (!backoff.isZero()) {
            return backoff;
        }
        if (window.anyWaiting()) {
            // Failed batches go again, oldest first, before anything new.
            if (!sendable(toggle)) {
                return current.retryBackoffMax();
            }
            window.forEachWaiting(batch -> transmit(batch, toggle));
            settle();
            return GO_ON;
        }
        return sendNew(current, toggle);
    }

    // Fills the window with the batches that are due, and says how long until the next one is.
    private Duration sendNew(Settings current, ToggleSettings toggle) {
        Duration wait = UNTIL_WOKEN;
        while (!window.isFull()) {
            long unsent = (long) store.size() - window.events();
            replay.watch(unsent, current.batchSize(), clock.nanoTime());
            wait = untilDue(current);
            if (!wait.isZero()) {
                break;
            }
            // While a backlog drains, the batch waits until the bucket of replay_rate holds its events.
            Duration held = replay.hold(current.replayRate(), (int) Math.min(unsent, current.batchSize()), clock.nanoTime());
            if (!held.isZero()) {
                wait = held;
                break;
            }
            if (!sendable(toggle)) {
                return current.retryBackoffMax();
            }
            List<ByteBuffer> records = store.peekEncoded(window.events(), current.batchSize(), current.maxBatchBytes());
            if (records.isEmpty()) {
                // Counted by the store but not yet readable (the writer is finishing it), or behind a
                // record that can be set aside only once it is the oldest.
                wait = Duration.ofMillis(1);
                break;
            }
            replay.sent(records.size());
            transmit(window.open(records, clock.millis(), UuidV7.of(clock.millis(), random).toString()), toggle);
            due.opened();
            settle();
            if (window.anyWaiting()) {
                return GO_ON;
            }
        }
        return window.isFull() ? UNTIL_WOKEN : wait;
    }

    private Duration untilDue(Settings current) {
        return due.until(current, (long) store.size() - window.events(), !window.isEmpty(),
                wakeups.flushRequested() || stopping, store::oldestTimestamp);
    }

    // Made as soon as Toggle is configured, so the connection is up before the first batch; made
    // again when the endpoint changes. A transport that cannot be made is a failed send: shown,
    // retried, nothing dropped.
    private boolean ensureTransport(ToggleSettings toggle) {
        if (link.needsTransport(toggle)) {
            closeTransport();
            return link.connect(toggle);
        }
        return true;
    }

    // False, after counting a failed send, when there is no transport to send with.
    private boolean sendable(ToggleSettings toggle) {
        if (ensureTransport(toggle)) {
            return true;
        }
        stats.failedSends.increment();
        return false;
    }

    private void transmit(PendingBatch batch, ToggleSettings toggle) {
        window.send(batch, link.transport(), link.token(toggle), toggle);
    }

    // Takes in the answers that came; a flush waiting for the store to empty looks again when it forgot a batch.
    private void settle() {
        long before = stats.sent();
        if (window.settle((batch, result) -> link.answered(batch, result, store.size()))) {
            drained.add(stats.sent() - before);
            wakeups.forgotten();
        }
    }

    // Waits for wake() or the timeout; settings changes, emits and answers wake it. While
    // stopping, never past the stop deadline.
    private void await(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        if (stopping) {
            nanos = Math.min(nanos, stopDeadlineNanos - clock.nanoTime());
        }
        wakeups.await(nanos);
    }

    // Batches in flight on the closed transport go again on the next one; their late answers are stale.
    private void closeTransport() {
        settle();
        link.close();
        window.transportClosed();
    }
}
