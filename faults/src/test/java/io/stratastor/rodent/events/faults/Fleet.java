package io.stratastor.rodent.events.faults;

import static org.awaitility.Awaitility.await;

import io.stratastor.rodent.events.core.impl.settings.SettingsBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet of in-process nodes, each a real pipeline with its own spool directory and its own gRPC
 * channel, fed at a steady rate by one load thread.
 * The caller's thread starts, waits on and closes the fleet; the load thread only emits.
 */
final class Fleet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final List<Node> nodes = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final long[] emitted;
    private ScheduledExecutorService load;

    private Fleet(int size) {
        this.emitted = new long[size];
    }

    /** Starts {@code size} nodes, node {@code i} with the settings {@code settings} makes from its own spool directory. */
    static Fleet start(Path dir, int size, Function<Path, SettingsBuilder> settings) throws IOException {
        Fleet fleet = new Fleet(size);
        try {
            for (int i = 0; i < size; i++) {
                String id = String.format("node-%04d", i);
                fleet.ids.add(id);
                fleet.nodes.add(Node.start(settings.apply(Files.createDirectories(dir.resolve(id)))));
            }
        } catch (RuntimeException | IOException e) {
            fleet.close();
            throw e;
        }
        LOG.info("{} nodes started", size);
        return fleet;
    }

    int size() {
        return nodes.size();
    }

    /**
     * Emits {@code perNodePerSecond} events per second on every node until {@link #stopLoad()}: one
     * event per tick on the next node in turn, so that the nodes' batches are spread over the second
     * as a real fleet's are, not all due at once.
     */
    void startLoad(int perNodePerSecond) {
        load = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "fleet-load"));
        int[] next = {0};
        load.scheduleAtFixedRate(() -> {
            int i = next[0];
            nodes.get(i).emitAs(ids.get(i), ++emitted[i]);
            next[0] = (i + 1) % nodes.size();
        }, 0, 1_000_000_000L / ((long) perNodePerSecond * nodes.size()), TimeUnit.NANOSECONDS);
    }

    /** Stops the load; afterwards {@link #emitted(int)} is final. */
    void stopLoad() throws InterruptedException {
        load.shutdown();
        if (!load.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the fleet's load thread did not stop within 30 s");
        }
    }

    /** Events node {@code i} emitted, numbered 1 to this; read after {@link #stopLoad()}. */
    long emitted(int i) {
        return emitted[i];
    }

    String id(int i) {
        return ids.get(i);
    }

    /**
     * Waits until every node has delivered all it held at {@code sinceMillis} (wall clock) and says,
     * per node, how long after that moment it got there.
     */
    long[] drainTimes(long sinceMillis, Duration atMost) {
        long[] drained = new long[nodes.size()];
        Arrays.fill(drained, -1);
        await().atMost(atMost).pollInterval(POLL).until(() -> {
            boolean all = true;
            for (int i = 0; i < nodes.size(); i++) {
                if (drained[i] < 0 && heldNothingFrom(nodes.get(i), sinceMillis)) {
                    drained[i] = Math.max(0, System.currentTimeMillis() - sinceMillis);
                }
                all &= drained[i] >= 0;
            }
            return all;
        });
        return drained;
    }

    // Nothing pending, or the oldest pending event is no older than the moment.
    private static boolean heldNothingFrom(Node node, long sinceMillis) {
        return node.stat("pending") == 0 || node.stat("oldest_pending_timestamp") >= sinceMillis;
    }

    /** Waits until every node has delivered everything; true when all did within {@code timeout} each. */
    boolean flush(Duration timeout) throws InterruptedException {
        boolean all = true;
        for (Node node : nodes) {
            all &= node.flush(timeout);
        }
        return all;
    }

    /** The sum of one stats counter over the fleet. */
    long sum(String stat) {
        return nodes.stream().mapToLong(node -> node.stat(stat)).sum();
    }

    @Override
    public void close() {
        if (load != null) {
            load.shutdownNow();
        }
        nodes.forEach(Node::close);
    }
}
