package io.stratastor.rodent.events.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.toggle.ToggleSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code toggle.address} naming two Toggles: batches spread over both, and when one goes down
 * in the middle of the stream, everything goes on to the other; nothing is lost.
 */
class SeveralTogglesIT {
    private static final String TOKEN = "faults-token";
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int EVENTS = 10_000;

    @TempDir
    Path spool;
    private ToggleSink first;
    private ToggleSink second;
    private Node node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void batchesSpreadOverBothTogglesAndFailOverToTheOtherMidStream() throws Exception {
        first = ToggleSink.builder().port(0).exactToken(TOKEN).build().start();
        second = ToggleSink.builder().port(0).exactToken(TOKEN).build().start();
        String address = "127.0.0.1:" + first.port() + ",127.0.0.1:" + second.port();
        node = Node.start(Node.baseSettings(spool).toggleAddress(address).toggleJwt(TOKEN).batchSize(100));

        long seq = 0;
        while (seq < EVENTS / 2) {
            node.emit(++seq, Level.INFO);
        }
        await().atMost(PATIENCE).until(() -> first.counts().unique() > 0 && second.counts().unique() > 0);
        first.close();
        Set<Long> delivered = new HashSet<>(Received.sequences(first));
        long atFailover = delivered.size();
        while (seq < EVENTS) {
            node.emit(++seq, Level.INFO);
        }

        assertThat(node.flush(PATIENCE)).isTrue();
        delivered.addAll(Received.sequences(second));
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, EVENTS).boxed().toList());
        assertThat(node.stats()).containsEntry("toggle_state", "connected");
        new ScenarioReport("several-toggles").put("events", EVENTS).put("first_before_it_went_down", atFailover)
                .put("second", Received.sequences(second).size()).put("failed_sends", node.stat("failed_sends"))
                .put("delivered_unique", delivered.size()).put("lost", EVENTS - delivered.size()).write();
    }
}
