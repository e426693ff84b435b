package io.stratastor.rodent.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoRunTest {
    private static final String COUNTS = "toggle-sink: received=7 unique=6 duplicates=1 batches=2 rejected_calls=0 repeated_batch_ids=1 undecodable=0";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final DemoRun demo = new DemoRun(new LauncherOptions(Path.of("/h"), null, null, true, false, null, false, "2025-09"),
            new PrintStream(out, true, StandardCharsets.UTF_8), null);

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void uniqueCountIsReadFromTheCountsLine() {
        assertThat(ToggleSinkProcess.uniqueCount(COUNTS)).hasValue(6);
        assertThat(ToggleSinkProcess.uniqueCount("toggle-sink: listening on 127.0.0.1:1")).isEmpty();
        assertThat(ToggleSinkProcess.uniqueCount(null)).isEmpty();
    }

    @Test
    void allAcceptedEventsReceivedIsSuccess() {
        assertThat(demo.verdict(0, 6, COUNTS)).isZero();
        assertThat(out()).startsWith("demo: OK: the node accepted 6 events and Toggle received all 6");
    }

    @Test
    void fewerReceivedThanAcceptedIsAFailure() {
        assertThat(demo.verdict(0, 7, COUNTS)).isEqualTo(1);
        assertThat(out()).startsWith("demo: FAILED: the node accepted 7 events but Toggle received 6 unique ones");
    }

    @Test
    void eventsToggleCouldNotDecodeAreAFailure() {
        assertThat(demo.verdict(0, 6, COUNTS.replace("undecodable=0", "undecodable=2"))).isEqualTo(1);
        assertThat(ToggleSinkProcess.undecodableCount(COUNTS)).hasValue(0);
        assertThat(out()).startsWith("demo: FAILED: Toggle received all 6 events, but 2 do not decode as 2025-09");
    }

    @Test
    void missingCountsOrFailedCommandsAreFailures() {
        assertThat(demo.verdict(0, 6, null)).isEqualTo(1);
        assertThat(demo.verdict(1, 6, COUNTS)).isEqualTo(1);
        assertThat(demo.verdict(0, -1, COUNTS)).isEqualTo(1);
        assertThat(out()).contains("printed no counts line").contains("1 command(s) of the script failed")
                .contains("EventSystem was not there");
    }
}
