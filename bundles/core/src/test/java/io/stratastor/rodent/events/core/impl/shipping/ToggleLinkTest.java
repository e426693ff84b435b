package io.stratastor.rodent.events.core.impl.shipping;

import static io.stratastor.rodent.events.core.impl.shipping.ShippingFixtures.toggled;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.core.impl.settings.RetryPolicy;
import io.stratastor.rodent.events.core.impl.settings.Settings;
import io.stratastor.rodent.events.core.impl.settings.SettingsBuilder;
import io.stratastor.rodent.events.core.impl.settings.ToggleSettings;
import io.stratastor.rodent.events.core.impl.transport.SendOutcome;
import io.stratastor.rodent.events.core.impl.transport.SendResult;
import io.stratastor.rodent.events.core.impl.transport.ToggleTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link on a test clock: transports made and closed, the token and its refusal, backoff. */
class ToggleLinkTest {
    private final MutableClock clock = new MutableClock();
    private final ShippingCounters stats = new ShippingCounters();
    private final AtomicReference<Settings> settings = new AtomicReference<>(toggled().build());
    private final List<ScriptedTransport> made = new ArrayList<>();
    private final List<ToggleSettings> madeFor = new ArrayList<>();
    private Function<ToggleSettings, ToggleTransport> transports = toggle -> {
        madeFor.add(toggle);
        ScriptedTransport transport = new ScriptedTransport();
        made.add(transport);
        return transport;
    };
    private ToggleLink link;

    private ToggleLink link() {
        if (link == null) {
            link = new ToggleLink(settings::get, clock, new Random(7), transports, stats);
        }
        return link;
    }

    // Toggle's answer to a batch sent with token.
    private void answer(SendOutcome outcome, String token) {
        answer(new SendResult(outcome, outcome.name() + ": from Toggle"), token);
    }

    private void answer(SendResult result, String token) {
        PendingBatch batch = new PendingBatch(List.of(), 1_764_000_000_000L, "batch-1");
        batch.sending(token);
        link().answered(batch, result, 2);
    }

    private void fail() {
        answer(SendOutcome.RETRY, "token-1");
    }

    // As the shipper does before it sends a failed batch again: waits out the backoff, then asks once more.
    private void waitOutBackoff() {
        clock.advance(link().backoff());
        assertThat(link().backoff()).isZero();
    }

    @Test
    void theTransportIsMadeForTheEndpointAndMadeAgainOnlyWhenTheEndpointChanges() {
        ToggleSettings first = settings.get().toggle();
        assertThat(link().needsTransport(first)).isTrue();

        assertThat(link().connect(first)).isTrue();
        assertThat(link().transport()).isSameAs(made.get(0));
        assertThat(link().needsTransport(first)).isFalse();
        assertThat(link().needsTransport(toggled().toggleJwt("token-2").toggleDeadlineSeconds(3).build().toggle())).isFalse();

        assertThat(link().needsTransport(toggled().toggleCompression("gzip").build().toggle())).isTrue();

        ToggleSettings moved = toggled().toggleAddress("127.0.0.1:50052").build().toggle();
        assertThat(link().needsTransport(moved)).isTrue();
        assertThat(link().connect(moved)).isTrue();
        assertThat(made.get(0).closed()).isTrue();
        assertThat(madeFor).extracting(ToggleSettings::address).containsExactly("127.0.0.1:50051", "127.0.0.1:50052");

        link().close();
        assertThat(made.get(1).closed()).isTrue();
        assertThat(link().transport()).isNull();
        assertThat(link().needsTransport(moved)).isTrue();
    }

    @Test
    void aTransportThatCannotBeMadeIsShownAsUnavailableNotThrown() {
        transports = toggle -> {
            throw new IllegalArgumentException("toggle.ca_file cannot be used");
        };

        assertThat(link().connect(settings.get().toggle())).isFalse();

        assertThat(link().state()).isEqualTo(ToggleState.UNAVAILABLE);
        assertThat(link().lastError()).isEqualTo("toggle.ca_file cannot be used");
        assertThat(link().transport()).isNull();
    }

    @Test
    void theStateIsNotConfiguredWithoutAnAddressAndConnectingOnceThereIsOneUntilAnAnswer() {
        settings.set(new SettingsBuilder().build());
        assertThat(link().state()).isEqualTo(ToggleState.NOT_CONFIGURED);

        assertThat(link().configured(settings.get().toggle())).isFalse();
        assertThat(link().configured(toggled().build().toggle())).isTrue();
        assertThat(link().state()).isEqualTo(ToggleState.CONNECTING);

        answer(SendOutcome.DELIVERED, "token-1");
        assertThat(link().configured(toggled().build().toggle())).isTrue();
        assertThat(link().state()).isEqualTo(ToggleState.CONNECTED);
    }

    @Test
    void backoffGrowsWithEachFailureAndEndsOnlyWhenTheTestClockPassesIt() {
        assertThat(link().backoff()).isZero();

        fail();
        Duration first = link().backoff();
        assertThat(first).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        clock.advance(first.minusNanos(1));
        assertThat(link().backoff()).isEqualTo(Duration.ofNanos(1));
        clock.advance(Duration.ofNanos(1));
        assertThat(link().backoff()).isZero();

        fail();
        assertThat(link().backoff()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        waitOutBackoff();
        fail();
        assertThat(link().backoff()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(link().state()).isEqualTo(ToggleState.UNAVAILABLE);
        assertThat(link().lastError()).isEqualTo("RETRY: from Toggle");
        assertThat(stats.failedSends()).isEqualTo(3);
    }

    // A failed send whose answer asked for a wait.
    private void pushedBack(Duration asked) {
        answer(new SendResult(SendOutcome.RETRY, "RESOURCE_EXHAUSTED: slow down", asked), "token-1");
    }

    @Test
    void aPushbackLongerThanTheBackoffIsWaitedOutJitteredUpByAtMostATenth() {
        pushedBack(Duration.ofSeconds(2));

        Duration wait = link().backoff();
        assertThat(wait).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2_200));
        clock.advance(wait.minusNanos(1));
        assertThat(link().backoff()).isEqualTo(Duration.ofNanos(1));
        clock.advance(Duration.ofNanos(1));
        assertThat(link().backoff()).isZero();
        assertThat(stats.pushbacks()).isEqualTo(1);
        assertThat(stats.failedSends()).isEqualTo(1);
        assertThat(link().state()).isEqualTo(ToggleState.UNAVAILABLE);
        assertThat(link().lastError()).isEqualTo("RESOURCE_EXHAUSTED: slow down (Toggle asked for 2000 ms)");
    }

    @Test
    void aPushbackIsBoundedByTheBackoffMax() {
        settings.set(toggled().retryBackoffMaxSeconds(30).build());

        pushedBack(Duration.ofMinutes(10));

        assertThat(link().backoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(link().lastError()).endsWith("(Toggle asked for 600000 ms)");
    }

    @Test
    void aPushbackShorterThanTheBackoffLeavesTheBackoff() {
        settings.set(toggled().retryBackoffBaseSeconds(10).build());

        pushedBack(Duration.ofMillis(100));

        assertThat(link().backoff()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(stats.pushbacks()).isEqualTo(1);
    }

    @Test
    void aPushbackOfABatchFailingWithOthersLengthensTheirCommonBackoff() {
        fail();
        assertThat(link().backoff()).isLessThanOrEqualTo(Duration.ofSeconds(1));

        pushedBack(Duration.ofSeconds(5));

        assertThat(link().backoff()).isBetween(Duration.ofSeconds(5), Duration.ofMillis(5_500));
        waitOutBackoff();
        // The pushback is no failure of its own for the growth: the next backoff is the second one.
        fail();
        assertThat(link().backoff()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(stats.failedSends()).isEqualTo(3);
        assertThat(stats.pushbacks()).isEqualTo(1);
    }

    @Test
    void aDeliveryStartsTheBackoffAfresh() {
        fail();
        waitOutBackoff();
        fail();
        waitOutBackoff();

        answer(SendOutcome.DELIVERED, "token-1");
        fail();

        assertThat(link().backoff()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(link().state()).isEqualTo(ToggleState.UNAVAILABLE);
    }

    @Test
    void batchesFailingTogetherBackOffOnce() {
        fail();
        Duration first = link().backoff();
        fail();
        fail();

        assertThat(link().backoff()).isEqualTo(first);
        waitOutBackoff();
        fail();
        assertThat(link().backoff()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(stats.failedSends()).isEqualTo(4);
    }

    @Test
    void whileStoppingAFailedBatchBacksOffAtMostATenthOfASecond() {
        settings.set(toggled().retryBackoffBaseSeconds(30).build());
        link().stopping();

        fail();

        assertThat(link().backoff()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void theRetryPolicyIsMadeOncePerSettingsAndTheNewSettingsApplyToTheNextFailure() {
        RetryPolicy policy = link().retryPolicy();
        fail();
        waitOutBackoff();
        fail();
        assertThat(link().retryPolicy()).isSameAs(policy);

        waitOutBackoff();
        settings.set(toggled().retryBackoffBaseSeconds(100).retryBackoffMaxSeconds(100).build());
        assertThat(link().retryPolicy()).isNotSameAs(policy);
        assertThat(link().retryPolicy().ceiling(1)).isEqualTo(Duration.ofSeconds(100));
        fail();
        assertThat(link().backoff()).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(100));
    }

    @Test
    void aRefusedTokenHoldsUntilTheTokenChangesThenTheBackoffStartsAfresh() {
        ToggleSettings refused = settings.get().toggle();
        fail();
        waitOutBackoff();
        fail();
        answer(SendOutcome.AUTH_BLOCKED, "token-1");

        assertThat(link().state()).isEqualTo(ToggleState.AUTH_FAILED);
        assertThat(link().lastError()).isEqualTo("AUTH_BLOCKED: from Toggle");
        assertThat(stats.authFailures()).isEqualTo(1);
        assertThat(stats.failedSends()).isEqualTo(3);
        assertThat(link().refuses(refused)).isTrue();
        assertThat(link().tokenRefused(refused)).isTrue();
        assertThat(link().tokenRefused(refused)).isTrue();

        assertThat(link().backoff()).isPositive();

        ToggleSettings changed = toggled().toggleJwt("token-2").build().toggle();
        assertThat(link().refuses(changed)).isFalse();
        assertThat(link().tokenRefused(changed)).isFalse();
        assertThat(link().tokenRefused(refused)).isFalse();
        // The backoff of the failures before the refusal is forgotten with it, though its time has not passed.
        assertThat(link().backoff()).isZero();
        fail();
        assertThat(link().backoff()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void theTokenFileGivesTheTokenAndAReplacedFileEndsTheRefusal(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("toggle.jwt"), "token-1\n");
        ToggleSettings fromFile = toggled().toggleJwt("").toggleJwtFile(file.toString()).build().toggle();
        assertThat(link().token(fromFile)).isEqualTo("token-1");

        answer(SendOutcome.AUTH_BLOCKED, link().token(fromFile));
        assertThat(link().tokenRefused(fromFile)).isTrue();

        Files.writeString(file, "token-2\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
        assertThat(link().tokenRefused(fromFile)).isFalse();
        assertThat(link().token(fromFile)).isEqualTo("token-2");
    }
}
