package io.stratastor.rodent.events.bench;

import io.stratastor.rodent.events.toggle.Counts;
import io.stratastor.rodent.events.toggle.ToggleSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A receiver in a JVM of its own, as Toggle and a collector are in a deployment: {@code toggle SCHEMA}
 * (the reference Toggle, counting) or {@code otlp} (the counting OTLP collector). Prints
 * {@code port N}, then answers lines on standard input: {@code stats} with
 * {@code stats RECORDS REQUESTS BYTES REFUSED LAST_RECORD_NANOS}, {@code reset}, {@code quit}. Sender
 * and receiver in one JVM share gRPC's classes, and each side's use of them undoes the JIT's
 * compilation for the other: a third of the machine went to recompiling. {@link ReceiverProcess} runs it.
 */
public final class ReceiverMain {
    private ReceiverMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String kind = args.length > 0 ? args[0] : "";
        switch (kind) {
            case "toggle" -> {
                String schema = args.length > 1 ? args[1] : LoadHarness.DEFAULT_SCHEMA;
                try (ToggleSink sink = ToggleSink.builder().port(0).noAuth().retainEvents(false).schema(schema).counting().build().start()) {
                    serve(out, sink.port(), () -> {
                        Counts counts = sink.counts();
                        return new long[] {counts.received(), counts.batches(), -1, counts.rejectedCalls(), -1};
                    }, null);
                }
            }
            case "otlp" -> {
                try (OtlpCollector collector = new OtlpCollector()) {
                    serve(out, collector.port(), () -> new long[] {collector.records.sum(), collector.requests.sum(), collector.bytes.sum(),
                        collector.refused.sum(), collector.lastRecordNanos.get()}, collector::reset);
                }
            }
            default -> {
                System.err.println("usage: ReceiverMain toggle SCHEMA | otlp; got " + String.join(" ", args));
                System.exit(2);
            }
        }
        System.exit(0);
    }

    // reset: null where the counts cannot be reset.
    private static void serve(PrintStream out, int port, Supplier<long[]> stats, Runnable reset) throws IOException {
        out.println("port " + port);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (line.strip()) {
                case "stats" -> {
                    long[] figures = stats.get();
                    out.println("stats " + figures[0] + " " + figures[1] + " " + figures[2] + " " + figures[3] + " " + figures[4]);
                }
                case "reset" -> {
                    if (reset == null) {
                        out.println("error: this receiver's counts are not reset; start another");
                    } else {
                        reset.run();
                        out.println("reset");
                    }
                }
                case "quit" -> {
                    return;
                }
                default -> out.println("error: unknown command " + line.strip() + "; expected stats, reset or quit");
            }
        }
    }
}
