package io.stratastor.rodent.events.faults;

import io.stratastor.rodent.events.api.Level;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A node in a JVM of its own, for {@code kill -9}: {@code load DIR PORT TOKEN N} emits events
 * 1..N, printing {@code accepted <seq>} after each hundred, then waits to be killed;
 * {@code drain DIR PORT TOKEN} reopens the spool, ships what it holds and prints
 * {@code drained <pending>}. A command-line main: it prints.
 */
public final class LoadMain {
    private LoadMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        Node node = Node.start(Node.toToggle(Node.baseSettings(dir), port, args[3], System.getProperty("faults.schema", "2025-09")));
        if (args[0].equals("load")) {
            long total = Long.parseLong(args[4]);
            for (long seq = 1; seq <= total; seq++) {
                node.emit(seq, Level.INFO);
                if (seq % 100 == 0) {
                    System.out.println("accepted " + seq);
                    System.out.flush();
                }
            }
            System.out.println("done");
            System.out.flush();
            Thread.currentThread().join();
        } else {
            boolean drained = node.flush(Duration.ofSeconds(120));
            System.out.println("drained " + node.stat("pending") + " " + drained);
            node.close();
        }
    }
}
