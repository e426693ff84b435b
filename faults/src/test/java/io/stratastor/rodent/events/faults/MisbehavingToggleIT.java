package io.stratastor.rodent.events.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.core.impl.settings.SettingsBuilder;
import io.stratastor.rodent.events.toggle.ToggleSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Toggles that misbehave: each time the node keeps every event, shows the trouble in its stats,
 * does not grow threads while it retries, and delivers everything once a Toggle that behaves
 * answers on the same address.
 */
class MisbehavingToggleIT {
    private static final String TOKEN = "faults-token";
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int EVENTS = 300;
    // Threads a retrying node may start beyond those it had after its first failures (gRPC's executor warming up).
    private static final int THREAD_SLACK = 4;

    @TempDir
    Path dir;
    private Node node;
    private ToggleSink sink;
    private String shownError = "";

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        if (sink != null) {
            sink.close();
        }
    }

    private SettingsBuilder settings(int port) throws Exception {
        // A short deadline so that a silent Toggle costs a second a try, not ten.
        return Node.toToggle(Node.baseSettings(Files.createDirectories(dir.resolve("spool"))), port, TOKEN).toggleDeadlineSeconds(1);
    }

    @Test
    void aToggleThatNeverAnswersIsGivenUpOnAtTheDeadlineAndTriedAgain() throws Exception {
        try (MisbehavingToggle toggle = MisbehavingToggle.neverAnswering()) {
            misbehaveThenRecover("never-answers", toggle, settings(toggle.port()));
        }
    }

    @Test
    void aToggleAnsweringBytesThatAreNotAnEventBatchResponseIsAFailedSend() throws Exception {
        try (MisbehavingToggle toggle = MisbehavingToggle.answering(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff})) {
            misbehaveThenRecover("answers-garbage", toggle, settings(toggle.port()));
        }
    }

    @Test
    void aToggleAnsweringAHugeMessageIsRefusedByTheNodesLimitAndAFailedSend() throws Exception {
        try (MisbehavingToggle toggle = MisbehavingToggle.answering(new byte[16 << 20])) {
            misbehaveThenRecover("answers-huge", toggle, settings(toggle.port()));
        }
    }

    @Test
    void aToggleResettingTheConnectionMidCallIsAFailedSend() throws Exception {
        try (MisbehavingToggle toggle = MisbehavingToggle.resettingMidCall()) {
            misbehaveThenRecover("resets-mid-call", toggle, settings(toggle.port()));
        }
    }

    @Test
    void aToggleThatTakesTheConnectionButNeverSpeaksHttp2IsGivenUpOnAtTheDeadline() throws Exception {
        try (MisbehavingToggle toggle = MisbehavingToggle.silentTcp()) {
            misbehaveThenRecover("silent-tcp", toggle, settings(toggle.port()));
        }
    }

    @Test
    void aToggleAnsweringAfterTheDeadlineIsTriedAgainAndItsDuplicatesAreOneEventEach() throws Exception {
        sink = ToggleSink.builder().port(0).exactToken(TOKEN).build().start();
        sink.faults().delay(Duration.ofMillis(1_500));
        node = Node.start(settings(sink.port()));
        emitAll();
        await().atMost(PATIENCE).until(() -> node.stat("failed_sends") >= 3);
        assertMisbehaviourShown();

        sink.faults().delay(Duration.ZERO);
        assertDeliveredAll("answers-late");
    }

    @Test
    void aToggleWhoseCertificateNamesAnotherHostIsNotTrustedAndNothingIsLost() throws Exception {
        TestCa ca = TestCa.create(Files.createDirectories(dir.resolve("ca")), "Rodent Test CA");
        Path[] elsewhere = ca.issue("elsewhere", "dns:toggle.elsewhere.example");
        sink = ToggleSink.builder().port(0).exactToken(TOKEN).tls(elsewhere[0], elsewhere[1]).build().start();
        int port = sink.port();
        node = Node.start(settings(port).toggleTls(true).toggleCaFile(ca.caPem().toString()));
        emitAll();
        await().atMost(PATIENCE).until(() -> node.stat("failed_sends") >= 3);
        assertMisbehaviourShown();
        assertThat(sink.counts().unique()).isZero();

        sink.close();
        Path[] right = ca.issue("toggle");
        sink = ToggleSink.builder().port(port).exactToken(TOKEN).tls(right[0], right[1]).build().start();
        assertDeliveredAll("tls-other-name");
    }

    // Runs the node against the misbehaving Toggle, then puts a behaving one on the same port.
    private void misbehaveThenRecover(String scenario, MisbehavingToggle toggle, SettingsBuilder settings) throws Exception {
        node = Node.start(settings);
        emitAll();
        await().atMost(PATIENCE).until(() -> node.stat("failed_sends") >= 2);
        int threadsAfterFirstFailures = Thread.activeCount();
        long failures = node.stat("failed_sends");
        await().atMost(PATIENCE).until(() -> node.stat("failed_sends") >= failures + 4);
        assertThat(Thread.activeCount()).as("threads while retrying").isLessThanOrEqualTo(threadsAfterFirstFailures + THREAD_SLACK);
        assertMisbehaviourShown();
        assertThat(toggle.calls.get()).as("calls or connections the misbehaving Toggle had").isPositive();

        int port = toggle.port();
        toggle.close();
        sink = ToggleSink.builder().port(port).exactToken(TOKEN).build().start();
        assertDeliveredAll(scenario);
    }

    private void emitAll() {
        for (long seq = 1; seq <= EVENTS; seq++) {
            node.emit(seq, Level.INFO);
        }
    }

    private void assertMisbehaviourShown() {
        Map<String, Object> stats = node.stats();
        assertThat(stats).containsEntry("toggle_state", "unavailable").containsEntry("pending", EVENTS);
        shownError = (String) stats.get("last_error");
        assertThat(shownError).isNotBlank().doesNotContain(TOKEN);
    }

    private void assertDeliveredAll(String scenario) throws Exception {
        assertThat(node.flush(PATIENCE)).isTrue();
        assertThat(Received.sequences(sink)).hasSize(EVENTS);
        assertThat(node.stats()).containsEntry("toggle_state", "connected").containsEntry("pending", 0);
        new ScenarioReport("toggle-" + scenario).put("events", EVENTS).put("failed_sends", node.stat("failed_sends"))
                .put("delivered_unique", Received.sequences(sink).size()).put("duplicates", sink.counts().duplicates())
                .put("lost", EVENTS - Received.sequences(sink).size()).put("last_error_shown", "'" + shownError + "'").write();
    }
}
