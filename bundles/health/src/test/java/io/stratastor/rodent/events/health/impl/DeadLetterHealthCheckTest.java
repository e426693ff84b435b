package io.stratastor.rodent.events.health.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratastor.rodent.events.api.DeadLetter;
import io.stratastor.rodent.events.api.DeadLetterQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;

class DeadLetterHealthCheckTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final List<DeadLetter> kept = new ArrayList<>();
    private final DeadLetterHealthCheck check = new DeadLetterHealthCheck(
            Snapshots.config(Map.of("dead_letter_window_seconds", 600)), Clock.fixed(NOW, ZoneOffset.UTC));

    DeadLetterHealthCheckTest() {
        check.setDeadLetterQueue(new DeadLetterQueue() {
            @Override
            public List<DeadLetter> list() {
                return List.copyOf(kept);
            }

            @Override
            public int resend(String batchId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int resendAll() {
                throw new UnsupportedOperationException();
            }
        });
    }

    @Test
    void aBatchRefusedWithinTheWindowIsAWarningWithToggleReason() {
        kept.add(new DeadLetter("b-old", 5, "old", NOW.minusSeconds(900)));
        kept.add(new DeadLetter("b-new", 7, "payload_type unknown", NOW.minusSeconds(30)));

        Result result = check.execute();

        assertThat(result.getStatus()).isEqualTo(Result.Status.WARN);
        assertThat(result.toString()).contains("1 batches (7 events) refused for good by Toggle in the last 600 s")
                .contains("payload_type unknown").contains("events:dlq");
    }

    @Test
    void onlyOlderDeadLettersAreOk() {
        kept.add(new DeadLetter("b-old", 5, "old", NOW.minusSeconds(601)));

        Result result = check.execute();

        assertThat(result.getStatus()).isEqualTo(Result.Status.OK);
        assertThat(result.toString()).contains("1 older dead letters are kept");
    }

    @Test
    void withoutTheCoreTheCheckIsCritical() {
        DeadLetterHealthCheck unbound = new DeadLetterHealthCheck(Snapshots.config(Map.of()));

        assertThat(unbound.execute().getStatus()).isEqualTo(Result.Status.CRITICAL);
    }

    @Test
    void aWindowOutOfRangeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new DeadLetterHealthCheck(Snapshots.config(Map.of("dead_letter_window_seconds", -5))))
                .hasMessageContaining("dead_letter_window_seconds must be 1 to 604800 seconds, was -5");
    }
}
