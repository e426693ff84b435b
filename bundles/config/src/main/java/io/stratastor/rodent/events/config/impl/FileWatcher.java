package io.stratastor.rodent.events.config.impl;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one file through a {@link WatchService} on its directory and runs a callback after it
 * changed: written in place, created, deleted, or replaced by a rename (how most editors save).
 * Events for the file are gathered until it has been quiet for {@code quietPeriod}, so one save,
 * often a truncate, several writes and a rename, gives one callback on the finished file. When the
 * directory itself goes away, the watcher tries to watch it again every {@code quietPeriod} and runs
 * the callback once it is back. Runs one named daemon thread between {@link #start()} and
 * {@link #stop(Duration)}; both are idempotent. Thread-safe.
 */
final class FileWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(FileWatcher.class);

    private final Path file;
    private final Path directory;
    private final Duration quietPeriod;
    private final Runnable onChange;
    private final String threadName;
    private WatchService watchService;
    private Thread thread;

    FileWatcher(Path file, Duration quietPeriod, Runnable onChange, String threadName) {
        this.file = file.toAbsolutePath().normalize();
        this.directory = this.file.getParent();
        this.quietPeriod = quietPeriod;
        this.onChange = onChange;
        this.threadName = threadName;
    }

    /**
     * Starts watching.
     *
     * @throws IOException when the directory cannot be watched (missing, or no watch service)
     */
    synchronized void start() throws IOException {
        if (thread != null) {
            return;
        }
        WatchService service = FileSystems.getDefault().newWatchService();
        WatchKey key;
        try {
            key = register(service);
        } catch (IOException e) {
            service.close();
            throw e;
        }
        watchService = service;
        thread = new Thread(() -> run(service, key), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops watching and waits for the thread at most {@code timeout}.
     *
     * @return true when the thread ended within the timeout, or none was running
     */
    boolean stop(Duration timeout) throws InterruptedException {
        Thread running;
        synchronized (this) {
            running = thread;
            thread = null;
            if (running == null) {
                return true;
            }
            try {
                watchService.close();
            } catch (IOException e) {
                LOG.warn("Closing the watch service of {} failed: {}", directory, e.toString());
            }
            running.interrupt();
        }
        running.join(Math.max(1, timeout.toMillis()));
        return !running.isAlive();
    }

    /** Whether the watching thread is alive. */
    synchronized boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    private WatchKey register(WatchService service) throws IOException {
        return directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    private void run(WatchService service, WatchKey initialKey) {
        WatchKey key = initialKey;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (!key.isValid()) {
                    // The directory went away, with the file: say so, then wait for it to come back.
                    LOG.warn("{} can no longer be watched (removed or replaced); watching again when it is back", directory);
                    onChange.run();
                    key = rewatch(service);
                    continue;
                }
                WatchKey signalled = service.take();
                boolean changed = concernsFile(signalled);
                // Gather the rest of this save; a rename arrives as delete and create.
                for (WatchKey more = service.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS); more != null;
                        more = service.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS)) {
                    changed |= concernsFile(more);
                }
                if (changed) {
                    onChange.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stop(): the watch service was closed and the thread interrupted.
            return;
        } catch (RuntimeException e) {
            LOG.error("Watching {} failed; changes to it are no longer applied until the bundle restarts", file, e);
        }
    }

    // True when an event names the file, or the directory's events were lost (overflow). A key that
    // cannot be reset is invalid: the loop sees that next.
    private boolean concernsFile(WatchKey key) {
        boolean concerns = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            concerns |= event.kind() == StandardWatchEventKinds.OVERFLOW || file.getFileName().equals(event.context());
        }
        key.reset();
        return concerns;
    }

    private WatchKey rewatch(WatchService service) throws InterruptedException {
        while (true) {
            Thread.sleep(quietPeriod.toMillis());
            try {
                WatchKey key = register(service);
                LOG.info("Watching {} again", directory);
                onChange.run();
                return key;
            } catch (IOException e) {
                LOG.debug("{} still cannot be watched: {}", directory, e.toString());
            }
        }
    }
}
