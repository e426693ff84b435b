package io.stratastor.rodent.events.config.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWatcherTest {
    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path dir;

    /** What the file held at each callback ("missing" when it did not exist). */
    private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    private FileWatcher watcher;

    private FileWatcher watch(Path file) throws IOException {
        watcher = new FileWatcher(file, Duration.ofMillis(50), () -> seen.add(read(file)), "test-watcher");
        watcher.start();
        return watcher;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "missing";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** Waits for a callback that saw {@code content}; callbacks before it must have seen something else. */
    private void awaitSeen(String content) throws InterruptedException {
        for (String next = seen.poll(WAIT_SECONDS, TimeUnit.SECONDS); !content.equals(next); next = seen.poll(WAIT_SECONDS, TimeUnit.SECONDS)) {
            assertThat(next).as("a callback within %d s", WAIT_SECONDS).isNotNull();
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (watcher != null) {
            assertThat(watcher.stop(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void writingTheFileInPlaceCallsBack() throws Exception {
        Path file = Files.writeString(dir.resolve("rodent.yml"), "a");
        watch(file);

        Files.writeString(file, "b");

        awaitSeen("b");
    }

    @Test
    void creatingAMissingFileCallsBack() throws Exception {
        Path file = dir.resolve("rodent.yml");
        watch(file);

        Files.writeString(file, "created");

        awaitSeen("created");
    }

    @Test
    void replacingTheFileByRenameCallsBackOnceTheNewFileIsThere() throws Exception {
        Path file = Files.writeString(dir.resolve("rodent.yml"), "old");
        watch(file);

        Path temp = Files.writeString(dir.resolve("rodent.yml.tmp"), "new");
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        awaitSeen("new");
    }

    @Test
    void otherFilesOfTheDirectoryAloneDoNotCallBack() throws Exception {
        Path file = dir.resolve("rodent.yml");
        watch(file);

        Files.writeString(dir.resolve("other.yml"), "x");
        Files.writeString(file, "mine");

        awaitSeen("mine");
        assertThat(List.copyOf(seen)).doesNotContain("missing");
    }

    @Test
    void aRecreatedDirectoryIsWatchedAgain() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("etc"));
        Path file = Files.writeString(sub.resolve("rodent.yml"), "a");
        watch(file);

        Files.delete(file);
        Files.delete(sub);
        awaitSeen("missing");
        Files.createDirectory(sub);
        Files.writeString(file, "back");

        awaitSeen("back");
    }

    @Test
    void stopJoinsTheThreadAndStartAndStopAreIdempotent() throws Exception {
        FileWatcher watcher = watch(Files.writeString(dir.resolve("rodent.yml"), "a"));
        watcher.start();
        assertThat(watcher.isRunning()).isTrue();

        assertThat(watcher.stop(Duration.ofSeconds(5))).isTrue();

        assertThat(watcher.isRunning()).isFalse();
        assertThat(watcher.stop(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aMissingDirectoryCannotBeWatched() {
        FileWatcher missing = new FileWatcher(dir.resolve("nope").resolve("rodent.yml"), Duration.ofMillis(50), () -> { }, "t");

        assertThatThrownBy(missing::start).isInstanceOf(IOException.class);
        assertThat(missing.isRunning()).isFalse();
    }
}
