package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TailCommandTest {
    private final RecentEvents recent = new RecentEvents(RecentEventsTest.config(100));
    private final EventLine lines = new EventLine(TestEvents.CATALOG);
    private final TailCommand command = new TailCommand(recent, lines);

    private static Event event(String type, Level level) {
        return TestEvents.event(type, level);
    }

    @Test
    void showsTheLastMatchingEventsOldestFirst() {
        recent.onEvent(event("storage.pool.created", Level.INFO));
        recent.onEvent(event("network.interface.up", Level.ERROR));
        recent.onEvent(event("storage.pool.destroyed", Level.WARN));
        recent.onEvent(event("storage.dataset.created", Level.ERROR));

        assertThat(command.tail("--type", "storage.pool")).isEqualTo(
                lines.format(event("storage.pool.created", Level.INFO)) + "\n" + lines.format(event("storage.pool.destroyed", Level.WARN)));
        assertThat(command.tail("-n", "1", "--level", "error")).isEqualTo(lines.format(event("storage.dataset.created", Level.ERROR)));
        assertThat(command.tail("--category", "network").lines()).singleElement().asString().contains("network.interface.up");
    }

    @Test
    void saysSoWhenNothingMatches() {
        assertThat(command.tail()).isEqualTo("no matching events among the last 100 kept"
                + " (events:tail keeps events accepted since the shell started)");
    }

    @Test
    void badArgumentsGiveOneErrorLine() {
        assertThat(command.tail("--level")).startsWith("error: option --level needs a value; usage: events:tail").doesNotContain("\n");
        assertThat(command.tail("-x")).startsWith("error: unknown option '-x'; accepted:");
    }

    @Test
    void followOutsideAGogoSessionIsRefused() {
        assertThat(command.tail("-f")).startsWith("error: -f needs the output of a Gogo session");
    }

    @Test
    void followPrintsHistoryThenLiveMatchingEventsUntilInterrupted() throws Exception {
        recent.onEvent(event("storage.pool.created", Level.INFO));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AtomicReference<Thread> thread = new AtomicReference<>();
        CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> {
            thread.set(Thread.currentThread());
            return command.follow(new TailRequest(5, true, null, null, "storage.pool"), out, out::checkError);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> bytes.toString(StandardCharsets.UTF_8).lines().count() == 1);

        recent.onEvent(event("network.interface.up", Level.INFO));
        recent.onEvent(event("storage.pool.destroyed", Level.WARN));
        await().atMost(Duration.ofSeconds(10)).until(() -> bytes.toString(StandardCharsets.UTF_8).lines().count() == 2);
        thread.get().interrupt();

        assertThat(result.get()).isEqualTo("stopped following after 2 events");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(lines.format(event("storage.pool.created", Level.INFO)) + "\n"
                + lines.format(event("storage.pool.destroyed", Level.WARN)) + "\n");
    }

    @Test
    void followStopsWhenTheOutputFails() {
        PrintStream broken = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("session closed");
            }
        }, true, StandardCharsets.UTF_8);
        recent.onEvent(event("storage.pool.created", Level.INFO));

        assertThat(command.follow(new TailRequest(5, true, null, null, null), broken, broken::checkError))
                .isEqualTo("stopped following after 1 events: the output failed");
    }

    @Test
    void followStopsWhenTheSessionConsoleFailsWhileIdle() {
        assertThat(command.follow(new TailRequest(0, true, null, null, null), new PrintStream(new ByteArrayOutputStream()), () -> true))
                .isEqualTo("stopped following after 0 events: the output failed");
    }

    @Test
    void followStopsWhenTheTapGoesAway() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompletableFuture<String> result = CompletableFuture.supplyAsync(
                () -> command.follow(new TailRequest(0, true, null, null, null), new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> false));
        await().atMost(Duration.ofSeconds(10)).until(() -> recent.followers() == 1);

        recent.deactivate();

        assertThat(result.get()).isEqualTo("stopped following after 0 events: the shell's event tap went away");
    }
}
