package io.stratastor.rodent.events.core.impl.shipping;

import com.google.protobuf.InvalidProtocolBufferException;
import io.stratastor.rodent.events.core.impl.settings.RetryPolicy;
import io.stratastor.rodent.events.core.impl.settings.Settings;
import io.stratastor.rodent.events.core.impl.settings.ToggleSettings;
import io.stratastor.rodent.events.core.impl.store.DeadLetters;
import io.stratastor.rodent.events.core.impl.store.EventStore;
import io.stratastor.rodent.events.core.impl.transport.SendOutcome;
import io.stratastor.rodent.events.core.impl.transport.SendResult;
import io.stratastor.rodent.events.core.impl.transport.ToggleTransport;
import io.stratastor.rodent.events.core.impl.wire.EncodedBatch;
import io.stratastor.rodent.events.core.impl.wire.Generation;
import io.stratastor.rodent.events.core.impl.wire.UuidV7;
import io.stratastor.rodent.events.core.impl.wire.WireEncoders;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventBatch;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships the store's events to Toggle on a thread of its own: batches by size, byte cap and
 * timeout, keeps up to {@value #MAX_IN_FLIGHT} batches in flight, forgets batches only in order
 * and once Toggle has them, retries a batch as the same bytes (same {@code batch_id}) with
 * backoff, holds everything while the token is refused. Batches are assembled from the store's
 * records, each encoded in the schema generation Toggle reads ({@link EncodedBatch#encode}); a
 * batch sent again after {@code toggle.schema} changed is encoded again in the new one, with the
 * same {@code batch_id} and event ids.
 * Thread-safe: {@link #wake()}, {@link #reconfigure}, {@link #flush} and {@link #stop} may be
 * called from any thread; all else runs on the shipper thread.
 */
public final class Shipper {
    /**
     * Batches sent and not yet answered. One would leave the link idle while Toggle handles a
     * batch; a few overlap assembly, the round trip and Toggle's work. Retries stay in order.
     */
    public static final int MAX_IN_FLIGHT = 4;
    private static final Logger LOG = LoggerFactory.getLogger(Shipper.class);
    private static final Duration TOKEN_FILE_RECHECK = Duration.ofSeconds(2);

    private final EventStore store;
    private final ShippingCounters stats;
    private final Clock clock;
    private final Random random;
    private final Function<ToggleSettings, ToggleTransport> transports;
    private final DeadLetters deadLetters;
    private final WireEncoders encoders;

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

    // Shipper-thread state, but for answers, which the transport's threads queue.
    private ToggleTransport transport;
    private ToggleSettings transportSettings;
    private final ArrayDeque<PendingBatch> window = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private volatile int inFlightEvents;
    private int failedAttempts;
    private long retryAtNanos;
    private String refusedToken;
    private final TokenFile tokenFile = new TokenFile();

    public Shipper(EventStore store, ShippingCounters stats, Settings settings, Clock clock, Random random,
            Function<ToggleSettings, ToggleTransport> transports, DeadLetters deadLetters, WireEncoders encoders) {
        this.store = store;
        this.stats = stats;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.transports = transports;
        this.deadLetters = deadLetters;
        this.encoders = encoders;
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

    /** Events of the batches in flight, which the store still holds too. */
    public int inFlight() {
        return inFlightEvents;
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
        settle();
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
            retryAtNanos = 0;
        }
        long backoff = retryAtNanos - System.nanoTime();
        if (retryAtNanos != 0 && backoff > 0) {
            await(Duration.ofNanos(backoff));
            return;
        }
        retryAtNanos = 0;
        if (anyFailed()) {
            // Failed batches go again, oldest first, before anything new.
            if (sendable(current, toggle)) {
                for (PendingBatch batch : window) {
                    if (batch.status == Status.WAITING) {
                        transmit(batch, toggle);
                    }
                }
                settle();
            }
            return;
        }
        Duration wait = null;
        while (window.size() < MAX_IN_FLIGHT) {
            wait = untilDue(current);
            if (!wait.isZero()) {
                break;
            }
            if (!sendable(current, toggle)) {
                return;
            }
            List<ByteBuffer> records = store.peekEncoded(inFlightEvents, current.batchSize(), current.maxBatchBytes());
            if (records.isEmpty()) {
                // Counted by the store but not yet readable (the writer is finishing it), or behind a
                // record that can be set aside only once it is the oldest.
                wait = Duration.ofMillis(1);
                break;
            }
            PendingBatch batch = new PendingBatch(records, clock.millis(), UuidV7.of(clock.millis(), random).toString());
            window.addLast(batch);
            inFlightEvents += batch.events();
            transmit(batch, toggle);
            settle();
            if (anyFailed()) {
                return;
            }
        }
        await(window.size() >= MAX_IN_FLIGHT ? null : wait);
    }

    // Zero when a batch is due now; otherwise how long until the oldest unsent event's batch
    // timeout. Behind batches in flight, a partial batch waits for their answers, which wake us.
    private Duration untilDue(Settings current) {
        long unsent = (long) store.size() - inFlightEvents;
        if (unsent <= 0) {
            return Duration.ofDays(1);
        }
        if (unsent >= current.batchSize() || unsent >= current.flushThreshold() || flushRequests > 0 || stopping) {
            return Duration.ZERO;
        }
        if (!window.isEmpty()) {
            return current.batchTimeout();
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

    // False, after counting a failed send and waiting, when there is no transport to send with.
    private boolean sendable(Settings current, ToggleSettings toggle) throws InterruptedException {
        if (ensureTransport(toggle)) {
            return true;
        }
        stats.failedSends.increment();
        await(current.retryBackoffMax());
        return false;
    }

    private void transmit(PendingBatch batch, ToggleSettings toggle) {
        encode(batch, toggle.schema());
        String token = token(toggle);
        int attempt = ++batch.attempt;
        batch.status = Status.SENDING;
        batch.token = token;
        transport.send(batch.encoded, token, toggle.deadline()).whenComplete((result, error) -> {
            answers.add(new Answer(batch, attempt, error == null ? result
                    : new SendResult(SendOutcome.RETRY, error.getClass().getSimpleName())));
            wake();
        });
    }

    // Encoded once per generation: a retry in the same one sends the same bytes.
    private void encode(PendingBatch batch, Generation schema) {
        if (batch.encoded != null && batch.generation == schema) {
            return;
        }
        EncodedBatch.Encoded encoded = EncodedBatch.encode(batch.records, batch.timestamp, batch.batchId, encoders.of(schema));
        if (batch.encoded == null) {
            stats.wireCarried.add(encoded.carried());
        } else {
            LOG.info("Batch {} goes again in schema {}", batch.batchId, schema.label());
        }
        batch.encoded = encoded.batch();
        batch.generation = schema;
    }

    private boolean anyFailed() {
        for (PendingBatch batch : window) {
            if (batch.status == Status.WAITING) {
                return true;
            }
        }
        return false;
    }

    // Takes in the answers that came, then forgets the answered batches at the head of the window,
    // in order: the store can only forget its oldest events.
    private void settle() {
        Answer answer;
        while ((answer = answers.poll()) != null) {
            PendingBatch batch = answer.batch;
            // An answer to an earlier attempt (a closed transport's) is stale.
            if (batch.attempt == answer.attempt && batch.status == Status.SENDING) {
                take(batch, answer.result);
            }
        }
        int forgotten = 0;
        while (!window.isEmpty() && window.peekFirst().status.answered()) {
            PendingBatch batch = window.removeFirst();
            // Counted before the store forgets the batch, so a flush that sees it empty sees it counted.
            if (batch.status == Status.DELIVERED) {
                stats.sent.add(batch.events());
                stats.batchesSent.increment();
            } else {
                deadLetters.add(batch.asStored(), batch.detail);
                stats.deadLettered.add(batch.events());
            }
            store.remove(batch.events());
            inFlightEvents -= batch.events();
            forgotten++;
        }
        if (forgotten > 0) {
            store.sync();
            lock.lock();
            try {
                drained.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void take(PendingBatch batch, SendResult result) {
        Settings current = settings;
        ToggleSettings toggle = current.toggle();
        switch (result.outcome()) {
            case DELIVERED:
                LOG.debug("Batch {} of {} events delivered to {} ({})", batch.batchId, batch.events(), toggle.address(),
                        result.detail());
                batch.status = Status.DELIVERED;
                state = ToggleState.CONNECTED;
                failedAttempts = 0;
                break;
            case REJECTED:
                batch.status = Status.REJECTED;
                batch.detail = result.detail();
                state = ToggleState.CONNECTED;
                break;
            case AUTH_BLOCKED:
                batch.status = Status.WAITING;
                stats.failedSends.increment();
                stats.authFailures.increment();
                refusedToken = batch.token;
                lastError = result.detail();
                if (state != ToggleState.AUTH_FAILED) {
                    LOG.warn("Toggle refused the token ({}); holding {} events until the token changes", result.detail(), store.size());
                }
                state = ToggleState.AUTH_FAILED;
                break;
            default:
                batch.status = Status.WAITING;
                stats.failedSends.increment();
                lastError = result.detail();
                if (state != ToggleState.UNAVAILABLE) {
                    LOG.warn("Toggle at {} unavailable ({}); retrying batch {} with backoff", toggle.address(), result.detail(),
                            batch.batchId);
                }
                state = ToggleState.UNAVAILABLE;
                // Batches failing together back off once.
                if (retryAtNanos == 0) {
                    failedAttempts++;
                    Duration delay = new RetryPolicy(current.retryBackoffBase(), current.retryBackoffMax(), current.maxRetryAttempts())
                            .delay(failedAttempts, random);
                    long nanos = stopping ? Math.min(delay.toNanos(), Duration.ofMillis(100).toNanos()) : delay.toNanos();
                    retryAtNanos = System.nanoTime() + Math.max(nanos, 1);
                }
        }
    }

    private String token(ToggleSettings toggle) {
        return toggle.tokenFile().isEmpty() ? toggle.token() : tokenFile.read(java.nio.file.Path.of(toggle.tokenFile()), toggle.token());
    }

    // Waits for wake() or the timeout (null: no timeout); settings changes, emits and answers wake
    // it. While stopping, never past the stop deadline.
    private void await(Duration timeout) throws InterruptedException {
        long nanos = timeout == null ? Long.MAX_VALUE : timeout.toNanos();
        if (stopping) {
            nanos = Math.min(nanos, stopDeadlineNanos - System.nanoTime());
        }
        lock.lock();
        try {
            if (!signalled && nanos > 0) {
                if (nanos == Long.MAX_VALUE) {
                    wakeUp.await();
                } else {
                    wakeUp.awaitNanos(nanos);
                }
            }
            signalled = false;
        } finally {
            lock.unlock();
        }
    }

    // Batches in flight on the closed transport go again on the next one; their late answers are stale.
    private void closeTransport() {
        settle();
        if (transport != null) {
            transport.close();
            transport = null;
            transportSettings = null;
        }
        for (PendingBatch batch : window) {
            if (batch.status == Status.SENDING) {
                batch.status = Status.WAITING;
                batch.attempt++;
            }
        }
    }

    private enum Status {
        WAITING, SENDING, DELIVERED, REJECTED;

        boolean answered() {
            return this == DELIVERED || this == REJECTED;
        }
    }

    private record Answer(PendingBatch batch, int attempt, SendResult result) {
    }

    // A batch from assembly until the store forgets it: its records (valid until then), and their
    // encoding in the generation it was last sent in. Shipper thread only.
    private static final class PendingBatch {
        final List<ByteBuffer> records;
        final long timestamp;
        final String batchId;
        EncodedBatch encoded;
        Generation generation;
        Status status = Status.WAITING;
        int attempt;
        String token = "";
        String detail = "";

        PendingBatch(List<ByteBuffer> records, long timestamp, String batchId) {
            this.records = records;
            this.timestamp = timestamp;
            this.batchId = batchId;
        }

        int events() {
            return records.size();
        }

        // The batch as the node keeps its events, the form dead letters are kept in: sent again,
        // they are encoded in whatever generation Toggle reads then.
        EventBatch asStored() {
            EventBatch.Builder batch = EventBatch.newBuilder().setBatchId(batchId).setBatchTimestamp(timestamp);
            for (ByteBuffer record : records) {
                try {
                    batch.addEvents(Event.parseFrom(record.duplicate()));
                } catch (InvalidProtocolBufferException e) {
                    throw new IllegalStateException("a record of batch " + batchId + " does not parse: " + e.getMessage(), e);
                }
            }
            return batch.build();
        }
    }
}
