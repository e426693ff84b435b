package io.stratastor.rodent.events.toggle;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * The command line of the reference Toggle: serves (the default) or mints a token. As a
 * command-line main it prints to stdout and stderr. Runs on the main thread, plus its shutdown hook.
 */
public final class ToggleSinkMain {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;
    /** {@link #run} started a sink: main keeps the JVM up until it is stopped. */
    static final int SERVING = -1;

    static final String USAGE = """
            Usage:
              java -jar rodent-events-toggle-sink-<version>-all.jar [options]
                  Runs the reference Toggle: accepts rodent.RodentService/SendEvents, checks the bearer
                  token, decodes every batch strictly in one wire generation, deduplicates by event_id
                  and prints one line per new event (naming the problems of one that does not decode). On SIGTERM or
                  SIGINT it prints its counts and stops.
              java -jar rodent-events-toggle-sink-<version>-all.jar mint-token (--secret S | --secret-file F)
                      [--ttl-seconds N] [--subject NAME]
                  Prints an HS256 JWT that a sink with the same secret accepts.

            Options:
              --host H          address to listen on (default 127.0.0.1)
              --port N          port to listen on, 0 for an ephemeral one (default 50051)
              --secret S        accept HS256 JWTs signed with the secret S
              --secret-file F   the same, with the secret read from the file F
              --token T         accept exactly the bearer token T
              --no-auth         accept every call, with or without a token
                                (exactly one of --secret, --secret-file, --token, --no-auth is required)
              --schema G        the wire generation to read: 2025-09 (default) or 2025-12
              --count-only      decode nothing: count the events of each batch by walking its wire
                                format (a malformed batch is refused), no de-duplication, no line
                                per event; for benchmarks
              --out FILE        append one JSON line per new event to FILE
              --capture FILE    append each new event to FILE as received, a length-delimited Event
                                of the generation (rodent.Event, or rodent.events.Event for 2025-12)
              --quiet           print no line per event
              --port-file F     write the bound port to F once listening
              --fail-first N    fault: fail the first N calls with UNAVAILABLE
              --pushback-ms N   fault: those calls fail with RESOURCE_EXHAUSTED asking for N ms (grpc-retry-pushback-ms)
              --refuse          fault: answer success=false to every call (nothing is kept)
              --delay-ms N      fault: answer each call N ms late (after keeping its events)
              --tls-cert F      serve TLS with the PEM certificate chain F (with --tls-key)
              --tls-key F       the PEM (PKCS#8) private key of --tls-cert
              --client-ca F     require client certificates issued by the PEM CA F (mutual TLS)
              --help            print this help

            mint-token options:
              --secret S, --secret-file F   the HMAC secret (exactly one is required)
              --ttl-seconds N   lifetime in seconds, 0 for no expiry (default 86400)
              --subject NAME    the sub claim (default rodent-node)
            """;

    private ToggleSinkMain() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != SERVING) {
            System.out.flush();
            System.exit(status);
        }
        awaitShutdown();
    }

    /** Runs a command line; returns the exit status, or {@link #SERVING} when a sink is now running. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length > 0 && args[0].equals("mint-token")) {
                return mintToken(MintTokenOptions.parse(Arrays.copyOfRange(args, 1, args.length)), out);
            }
            return serve(ServeOptions.parse(args), out, err);
        } catch (UsageException e) {
            err.println("toggle-sink: " + e.getMessage());
            return EXIT_USAGE;
        }
    }

    private static int mintToken(MintTokenOptions options, PrintStream out) throws UsageException {
        if (options.help()) {
            out.print(USAGE);
            return EXIT_OK;
        }
        out.println(JwtMinter.mint(options.secret().read(), options.subject(), Duration.ofSeconds(options.ttlSeconds())));
        return EXIT_OK;
    }

    private static int serve(ServeOptions options, PrintStream out, PrintStream err) throws UsageException {
        if (options.help()) {
            out.print(USAGE);
            return EXIT_OK;
        }
        ToggleSink sink;
        try {
            sink = options.toBuilder(out).build().start();
            options.applyFaults(sink.faults());
        } catch (IOException e) {
            err.println("toggle-sink: " + e.getMessage());
            return EXIT_FAILURE;
        }
        if (options.portFile() != null) {
            try {
                writePortFile(options.portFile(), sink.port());
            } catch (IOException e) {
                sink.close();
                err.println("toggle-sink: cannot write --port-file " + options.portFile() + " (" + e.getMessage() + ")");
                return EXIT_FAILURE;
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sink.close();
            out.println("toggle-sink: " + sink.counts());
            out.flush();
        }, "toggle-sink-shutdown"));
        out.println("toggle-sink: listening on " + options.host() + ":" + sink.port() + " ("
                + (options.countOnly() ? "counting events, decoding none" : "schema: " + options.schema())
                + ", auth: " + options.authDescription() + ")");
        return SERVING;
    }

    // Written aside and moved in place, so that a launcher polling the file never reads half a port.
    private static void writePortFile(Path portFile, int port) throws IOException {
        Path absolute = portFile.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        Files.writeString(partial, port + "\n", StandardCharsets.US_ASCII);
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    // The sink's threads are daemons: main waits here until the JVM shuts down and the hook closes the sink.
    private static void awaitShutdown() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
