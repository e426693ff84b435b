package io.stratastor.rodent.events.core.impl.shipping;

import io.stratastor.rodent.events.core.impl.settings.RetryPolicy;
import io.stratastor.rodent.events.core.impl.settings.Settings;
import io.stratastor.rodent.events.core.impl.settings.ToggleSettings;
import io.stratastor.rodent.events.core.impl.transport.SendResult;
import io.stratastor.rodent.events.core.impl.transport.ToggleTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipper's link to Toggle: the transport, made for the configured endpoint and remade when
 * it changes; the token, from the settings or the token file, and whether Toggle refused it; the
 * backoff after failed sends, at least the wait Toggle asks for; and what is shown of it all ({@link ToggleState}, the last error,
 * neither ever holding the token). Thread-safe: {@link #state}, {@link #lastError} and
 * {@link #stopping} from any thread; all else on the shipper thread.
 */
final class ToggleLink {
    /** While the token in a token file is refused, how often the file is looked at again. */
    static final Duration TOKEN_FILE_RECHECK = Duration.ofSeconds(2);
    // While stopping, a failed batch is tried again soon, so it may still go before the deadline.
    private static final Duration STOPPING_BACKOFF = Duration.ofMillis(100);
    // Toggle's pushback is jittered up by at most this fraction, so nodes pushed back together do not come back together.
    private static final double PUSHBACK_JITTER = 0.1;
    private static final Logger LOG = LoggerFactory.getLogger(ToggleLink.class);

    private final Supplier<Settings> settings;
    private final ShippingClock clock;
    private final Random random;
    private final Function<ToggleSettings, ToggleTransport> transports;
    private final ShippingCounters stats;
    private final TokenFile tokenFile = new TokenFile();

    private volatile ToggleState state;
    private volatile String lastError = "";
    private volatile boolean stopping;

    private ToggleTransport transport;
    private ToggleSettings transportSettings;
    private String refusedToken;
    private int failedAttempts;
    private long retryAtNanos;
    private RetryPolicy retryPolicy;
    private Settings retryPolicySettings;

    /** {@code settings} gives the current settings, read as answers are taken in. */
    ToggleLink(Supplier<Settings> settings, ShippingClock clock, Random random, Function<ToggleSettings, ToggleTransport> transports,
            ShippingCounters stats) {
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.transports = transports;
        this.stats = stats;
        this.state = settings.get().toggle().configured() ? ToggleState.CONNECTING : ToggleState.NOT_CONFIGURED;
    }

    ToggleState state() {
        return state;
    }

    /** The last failure's status and description; never holds the token. */
    String lastError() {
        return lastError;
    }

    /** From now on a failed batch backs off briefly: the shipper is stopping. */
    void stopping() {
        stopping = true;
    }

    /** Whether {@code toggle} has an address; NOT_CONFIGURED while it has none, CONNECTING once it has until an answer comes. */
    boolean configured(ToggleSettings toggle) {
        if (!toggle.configured()) {
            state = ToggleState.NOT_CONFIGURED;
            return false;
        }
        if (state == ToggleState.NOT_CONFIGURED) {
            state = ToggleState.CONNECTING;
        }
        return true;
    }

    /** Whether {@code toggle} wants a transport other than the link's: there is none, or the endpoint changed. */
    boolean needsTransport(ToggleSettings toggle) {
        return transport == null || !toggle.sameEndpoint(transportSettings);
    }

    /**
     * Closes the transport and makes one for {@code toggle}'s endpoint. One that cannot be made
     * (unreadable TLS files) is shown as UNAVAILABLE with its reason, not thrown.
     *
     * @return whether there is a transport now
     */
    boolean connect(ToggleSettings toggle) {
        close();
        try {
            transport = transports.apply(toggle);
            transportSettings = toggle;
            return true;
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).equals(lastError)) {
                LOG.error("Cannot reach Toggle at {}: {}", toggle.address(), e.getMessage());
            }
            lastError = String.valueOf(e.getMessage());
            state = ToggleState.UNAVAILABLE;
            return false;
        }
    }

    /** The transport {@link #connect} made, or null. */
    ToggleTransport transport() {
        return transport;
    }

    void close() {
        if (transport != null) {
            transport.close();
            transport = null;
            transportSettings = null;
        }
    }

    /** The token to present: the token file's when one is configured, else the settings'. */
    String token(ToggleSettings toggle) {
        return toggle.tokenFile().isEmpty() ? toggle.token() : tokenFile.read(Path.of(toggle.tokenFile()), toggle.token());
    }

    /** Whether Toggle refused the token {@code toggle} gives now. */
    boolean refuses(ToggleSettings toggle) {
        return token(toggle).equals(refusedToken);
    }

    /**
     * Whether sending is held because Toggle refused the token and it has not changed. Once it has,
     * the refusal and the backoff are forgotten.
     */
    boolean tokenRefused(ToggleSettings toggle) {
        if (refusedToken == null) {
            return false;
        }
        if (refuses(toggle)) {
            return true;
        }
        LOG.info("Toggle token changed; sending again");
        refusedToken = null;
        failedAttempts = 0;
        retryAtNanos = 0;
        return false;
    }

    /** How long until failed batches may go again; zero when they may now. */
    Duration backoff() {
        if (retryAtNanos != 0) {
            long left = retryAtNanos - clock.nanoTime();
            if (left > 0) {
                return Duration.ofNanos(left);
            }
            retryAtNanos = 0;
        }
        return Duration.ZERO;
    }

    /** The policy of the current settings, made again only when they change. */
    RetryPolicy retryPolicy() {
        Settings current = settings.get();
        if (current != retryPolicySettings) {
            retryPolicy = new RetryPolicy(current.retryBackoffBase(), current.retryBackoffMax(), current.maxRetryAttempts());
            retryPolicySettings = current;
        }
        return retryPolicy;
    }

    /** Takes in Toggle's answer to {@code batch}; {@code held} is how many events the store holds, for the log. */
    void answered(PendingBatch batch, SendResult result, int held) {
        ToggleSettings toggle = settings.get().toggle();
        switch (result.outcome()) {
            case DELIVERED:
                LOG.debug("Batch {} of {} events delivered to {} ({})", batch.batchId(), batch.events(), toggle.address(),
                        result.detail());
                state = ToggleState.CONNECTED;
                failedAttempts = 0;
                break;
            case REJECTED:
                state = ToggleState.CONNECTED;
                break;
            case AUTH_BLOCKED:
                stats.failedSends.increment();
                stats.authFailures.increment();
                refusedToken = batch.token();
                lastError = result.detail();
                if (state != ToggleState.AUTH_FAILED) {
                    LOG.warn("Toggle refused the token ({}); holding {} events until the token changes", result.detail(), held);
                }
                state = ToggleState.AUTH_FAILED;
                break;
            default:
                stats.failedSends.increment();
                Duration pushback = result.pushback();
                if (pushback != null) {
                    stats.pushbacks.increment();
                    lastError = result.detail() + " (Toggle asked for " + pushback.toMillis() + " ms)";
                } else {
                    lastError = result.detail();
                }
                if (state != ToggleState.UNAVAILABLE) {
                    LOG.warn("Toggle at {} unavailable ({}); retrying batch {} with backoff", toggle.address(), lastError,
                            batch.batchId());
                }
                state = ToggleState.UNAVAILABLE;
                backOff();
                if (pushback != null) {
                    pushedBack(pushback);
                }
        }
    }

    // Batches failing together back off once.
    private void backOff() {
        if (retryAtNanos != 0) {
            return;
        }
        failedAttempts++;
        long nanos = retryPolicy().delay(failedAttempts, random).toNanos();
        if (stopping) {
            nanos = Math.min(nanos, STOPPING_BACKOFF.toNanos());
        }
        retryAtNanos = clock.nanoTime() + Math.max(nanos, 1);
    }

    // Toggle's pushback, jittered up by up to a tenth and never past retry_backoff_max, replaces the backoff when it is longer.
    // It holds while stopping too: the batches stay in the store for the next start.
    private void pushedBack(Duration pushback) {
        long max = settings.get().retryBackoffMax().toNanos();
        double jittered = pushback.toNanos() * (1 + PUSHBACK_JITTER * random.nextDouble());
        long nanos = (long) Math.min(jittered, (double) max);
        long until = clock.nanoTime() + Math.max(nanos, 1);
        if (until - retryAtNanos > 0) {
            retryAtNanos = until;
        }
    }
}
