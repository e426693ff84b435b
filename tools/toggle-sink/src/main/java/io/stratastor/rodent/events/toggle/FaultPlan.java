package io.stratastor.rodent.events.toggle;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults the sink injects on request, for reliability tests: fail the next calls with a status,
 * fail them asking for a wait (gRPC's retry pushback), refuse content for good ({@code success = false}), answer late. (A Toggle that is down is a
 * sink that is closed, then started again on the same port.) Thread-safe; may change while
 * calls are served.
 */
public final class FaultPlan {
    /** gRPC's retry pushback trailer: the milliseconds the client is asked to wait before it tries again. */
    public static final Metadata.Key<String> RETRY_PUSHBACK = Metadata.Key.of("grpc-retry-pushback-ms", Metadata.ASCII_STRING_MARSHALLER);

    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicLong faultedCalls = new AtomicLong();
    private volatile Status.Code failWith = Status.Code.UNAVAILABLE;
    private volatile String pushback;
    private volatile boolean down;
    private volatile boolean refuse;
    private volatile Duration delay = Duration.ZERO;

    /** Fails the next {@code calls} calls with {@code UNAVAILABLE}, before looking at them. */
    public FaultPlan failNext(int calls) {
        return failNext(calls, Status.Code.UNAVAILABLE);
    }

    /** Fails the next {@code calls} calls with {@code code}, before looking at them. */
    public FaultPlan failNext(int calls, Status.Code code) {
        if (calls < 0 || code == Status.Code.OK) {
            throw new IllegalArgumentException("failNext needs calls >= 0 and a failing status code, got " + calls + ", " + code);
        }
        failWith = code;
        pushback = null;
        failNext.set(calls);
        return this;
    }

    /**
     * Fails the next {@code calls} calls with {@code code} and the trailer {@code grpc-retry-pushback-ms: millis},
     * before looking at them: Toggle asking the node to wait.
     */
    public FaultPlan pushback(Status.Code code, long millis, int calls) {
        return pushback(code, Long.toString(millis), calls);
    }

    /** As {@link #pushback(Status.Code, long, int)} with the trailer's value as given, so that a malformed one can be sent. */
    public FaultPlan pushback(Status.Code code, String value, int calls) {
        failNext(calls, code);
        pushback = value;
        return this;
    }

    /** While on, every call fails with {@code UNAVAILABLE}: Toggle down, its ledger kept. */
    public FaultPlan down(boolean on) {
        down = on;
        return this;
    }

    /** While on, answers {@code success = false} and keeps nothing: Toggle refusing the content for good. */
    public FaultPlan refuse(boolean on) {
        refuse = on;
        return this;
    }

    /** Answers each call this much later (after storing its events, so a client deadline shorter than this makes duplicates). */
    public FaultPlan delay(Duration answerDelay) {
        if (answerDelay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + answerDelay);
        }
        delay = answerDelay;
        return this;
    }

    /** Back to a healthy Toggle. */
    public FaultPlan clear() {
        failNext.set(0);
        pushback = null;
        down = false;
        refuse = false;
        delay = Duration.ZERO;
        return this;
    }

    /** Calls answered with an injected fault so far. */
    public long faultedCalls() {
        return faultedCalls.get();
    }

    /** The failure this call ends with (its status and trailers), or null when it is not to fail; consumes one planned failure. */
    StatusRuntimeException takeFailure() {
        if (down) {
            faultedCalls.incrementAndGet();
            return Status.UNAVAILABLE.withDescription("Toggle is down (fault injected by the reference Toggle)").asRuntimeException();
        }
        String asked = pushback;
        Status.Code code = failWith;
        int left = failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0);
        if (left <= 0) {
            return null;
        }
        faultedCalls.incrementAndGet();
        Metadata trailers = new Metadata();
        if (asked != null) {
            trailers.put(RETRY_PUSHBACK, asked);
        }
        return Status.fromCode(code).withDescription("fault injected by the reference Toggle").asRuntimeException(trailers);
    }

    boolean refusing() {
        if (refuse) {
            faultedCalls.incrementAndGet();
        }
        return refuse;
    }

    Duration delay() {
        return delay;
    }

    @Override
    public String toString() {
        return "FaultPlan[down=" + down + ", failNext=" + failNext.get() + " " + failWith + (pushback == null ? "" : " pushback " + pushback + " ms") + ", refuse=" + refuse + ", delay=" + delay + "]";
    }
}
