package io.stratastor.rodent.events.core.impl.pipeline;

import io.stratastor.rodent.events.core.impl.transport.SendResult;
import io.stratastor.rodent.events.core.impl.transport.ToggleTransport;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventBatch;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships the store's events to Toggle on a thread of its own: batches by size, byte cap and
 * timeout, sends one batch at a time, forgets a batch only once Toggle has it, retries the same
 * batch (same {@code batch_id}) with backoff, holds everything while the token is refused.
 * Thread-safe: {@link #wake()}, {@link #reconfigure}, {@link #flush} and {@link #stop} may be
 * called from any thread; all else runs on the shipper thread.
 */
public final class Shipper {
    private static final Logger LOG = LoggerFactory.getLogger(Shipper.class);
    private static final Duration TOKEN_FILE_RECHECK = Duration.ofSeconds(2);

    private final EventStore store;
    private final PipelineStats stats;
    private final Clock clock;
    private final Random random;
    private final Function<ToggleSettings, ToggleTransport> transports;
    private final DeadLetters deadLetters;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final Condition drained = lock.newCondition();
    private boolean signalled;
    private int flushRequests;

    private volatile Settings settings;
    private volatile ToggleState state;
    private volatile String lastError = "";
    private volatile long stopDeadlineNanos;
    private volatile boolean stopping;
    private volatile Thread thread;

    // Shipper-thread state.
    private ToggleTransport transport;
    private ToggleSettings transportSettings;
    private PendingBatch inFlight;
    private int failedAttempts;
    private String refusedToken;
    private final TokenFile tokenFile = new TokenFile();

    public Shipper(EventStore store, PipelineStats stats, Settings settings, Clock clock, Random random,
            Function<ToggleSettings, ToggleTransport> transports, DeadLetters deadLetters) {
        this.store = store;
        this.stats = stats;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.transports = transports;
        this.deadLetters = deadLetters;
        this.state = settings.toggle().configured() ? ToggleState.CONNECTING : ToggleState.NOT_CONFIGURED;
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
        lock.lock();
        try {
            signalled = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void reconfigure(Settings newSettings) {
        settings = newSettings;
        wake();
    }

    public ToggleState state() {
        return state;
    }

    /** The last failure's status and description; never holds the token. */
    public String lastError() {
        return lastError;
    }

    /** Events of the batch in flight, which the store still holds too. */
    public int inFlight() {
        PendingBatch batch = inFlight;
        return batch == null ? 0 : batch.events.size();
    }

    /**
     * Ships what is pending without waiting for the batch timeout and waits until the store is
     * empty or the timeout passes.
     *
     * @return whether the store was empty at return
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            flushRequests++;
            signalled = true;
            wakeUp.signalAll();
            while (store.size() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                drained.awaitNanos(left);
            }
            return true;
        } finally {
            flushRequests--;
            lock.unlock();
        }
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
        stopDeadlineNanos = System.nanoTime() + timeout.toNanos();
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
                step();
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
        return store.size() == 0 || System.nanoTime() >= stopDeadlineNanos || !toggle.configured()
                || token(toggle).equals(refusedToken) || state == ToggleState.UNAVAILABLE;
    }

    private void step() throws InterruptedException {
        Settings current = settings;
        ToggleSettings toggle = current.toggle();
        if (!toggle.configured()) {
            state = ToggleState.NOT_CONFIGURED;
            closeTransport();
            await(null);
            return;
        }
        if (state == ToggleState.NOT_CONFIGURED) {
            state = ToggleState.CONNECTING;
        }
        ensureTransport(toggle);
        if (refusedToken != null) {
            if (refusedToken.equals(token(toggle))) {
                // A token file may be replaced at any time: look at it again now and then.
                await(toggle.tokenFile().isEmpty() ? null : TOKEN_FILE_RECHECK);
                return;
            }
            LOG.info("Toggle token changed; sending again");
            refusedToken = null;
            failedAttempts = 0;
        }
        if (inFlight == null) {
            Duration wait = untilDue(current);
            if (!wait.isZero()) {
                await(wait);
                return;
            }
            List<Event> events = store.peek(current.batchSize(), current.maxBatchBytes());
            inFlight = new PendingBatch(UuidV7.of(clock.millis(), random).toString(), events);
        }
        send(current, toggle);
    }

    // Zero when a batch is due now; otherwise how long until the oldest event's batch timeout.
    private Duration untilDue(Settings current) {
        int size = store.size();
        if (size == 0) {
            return Duration.ofDays(1);
        }
        if (size >= current.batchSize() || size >= current.flushThreshold() || flushRequests > 0 || stopping) {
            return Duration.ZERO;
        }
        long age = clock.millis() - store.oldestTimestamp();
        long left = current.batchTimeout().toMillis() - age;
        return left <= 0 ? Duration.ZERO : Duration.ofMillis(left);
    }

    // Made as soon as Toggle is configured, so the connection is up before the first batch. A
    // transport that cannot be made (unreadable TLS files) is a failed send: shown, retried, nothing dropped.
    private boolean ensureTransport(ToggleSettings toggle) {
        if (transport == null || !toggle.sameEndpoint(transportSettings)) {
            closeTransport();
            try {
                transport = transports.apply(toggle);
                transportSettings = toggle;
            } catch (RuntimeException e) {
                if (!String.valueOf(e.getMessage()).equals(lastError)) {
                    LOG.error("Cannot reach Toggle at {}: {}", toggle.address(), e.getMessage());
                }
                lastError = String.valueOf(e.getMessage());
                state = ToggleState.UNAVAILABLE;
                return false;
            }
        }
        return true;
    }

    private void send(Settings current, ToggleSettings toggle) throws InterruptedException {
        if (!ensureTransport(toggle)) {
            stats.failedSends.increment();
            await(current.retryBackoffMax());
            return;
        }
        EventBatch batch = EventBatch.newBuilder()
                .addAllEvents(inFlight.events)
                .setBatchTimestamp(clock.millis())
                .setBatchId(inFlight.batchId)
                .build();
        SendResult result = transport.send(batch, token(toggle), toggle.deadline());
        switch (result.outcome()) {
            // Counted before the store forgets the batch, so a flush that sees it empty sees it counted.
            case DELIVERED:
                LOG.debug("Batch {} of {} events delivered to {} ({})", batch.getBatchId(), batch.getEventsCount(), toggle.address(),
                        result.detail());
                stats.sent.add(batch.getEventsCount());
                stats.batchesSent.increment();
                state = ToggleState.CONNECTED;
                acknowledge();
                break;
            case REJECTED:
                deadLetters.add(batch, result.detail());
                stats.deadLettered.add(batch.getEventsCount());
                state = ToggleState.CONNECTED;
                acknowledge();
                break;
            case AUTH_BLOCKED:
                stats.failedSends.increment();
                stats.authFailures.increment();
                refusedToken = token(toggle);
                lastError = result.detail();
                if (state != ToggleState.AUTH_FAILED) {
                    LOG.warn("Toggle refused the token ({}); holding {} events until the token changes", result.detail(), store.size());
                }
                state = ToggleState.AUTH_FAILED;
                break;
            default:
                stats.failedSends.increment();
                failedAttempts++;
                lastError = result.detail();
                if (state != ToggleState.UNAVAILABLE) {
                    LOG.warn("Toggle at {} unavailable ({}); retrying batch {} with backoff", toggle.address(), result.detail(), inFlight.batchId);
                }
                state = ToggleState.UNAVAILABLE;
                Duration delay = new RetryPolicy(current.retryBackoffBase(), current.retryBackoffMax(), current.maxRetryAttempts())
                        .delay(failedAttempts, random);
                await(stopping ? Duration.ofMillis(Math.min(delay.toMillis(), 100)) : delay);
        }
    }

    private String token(ToggleSettings toggle) {
        return toggle.tokenFile().isEmpty() ? toggle.token() : tokenFile.read(java.nio.file.Path.of(toggle.tokenFile()), toggle.token());
    }

    private void acknowledge() {
        store.remove(inFlight.events.size());
        store.sync();
        inFlight = null;
        failedAttempts = 0;
        lock.lock();
        try {
            drained.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // Waits for wake() or the timeout (null: no timeout); settings changes and emits wake it.
    private void await(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            if (!signalled && !stopping) {
                if (timeout == null) {
                    wakeUp.await();
                } else {
                    wakeUp.awaitNanos(timeout.toNanos());
                }
            }
            signalled = false;
        } finally {
            lock.unlock();
        }
    }

    private void closeTransport() {
        if (transport != null) {
            transport.close();
            transport = null;
            transportSettings = null;
        }
    }

    private static final class PendingBatch {
        final String batchId;
        final List<Event> events;

        PendingBatch(String batchId, List<Event> events) {
            this.batchId = batchId;
            this.events = List.copyOf(events);
        }
    }
}
