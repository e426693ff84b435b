package io.stratastor.rodent.events.toggle;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.stratastor.rodent.events.upstream.DecodedEvent;
import io.stratastor.rodent.events.upstream.StrictDecoder;
import io.stratastor.rodent.events.upstream.WireGeneration;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference Toggle: a gRPC server for {@code rodent.RodentService/SendEvents} that checks the
 * bearer token, decodes every batch strictly in its wire generation (2025-09 or 2025-12) with
 * upstream's schema data, deduplicates by {@code event_id}, keeps the unique events in arrival
 * order (those that did not decode with their problems) and writes them to the configured outputs; or, built
 * {@link ToggleSinkBuilder#counting() counting}, only counts the events of each batch by walking its wire format, as a
 * benchmark's receiver. Made by {@link #builder()}, then {@link #start()}ed and
 * {@link #close()}d. Thread-safe: lifecycle methods synchronise; accessors return snapshots.
 */
public final class ToggleSink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ToggleSink.class);
    private static final long CLOSE_GRACE_SECONDS = 5;
    private static final int CALL_THREADS = 4;
    // Large batches from benchmarks exceed gRPC's 4 MiB default.
    private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    private enum State { NEW, STARTED, CLOSED }

    private final SinkSettings settings;
    private final EventLedger ledger;
    private final Object lifecycle = new Object();
    private State state = State.NEW;
    private Server server;
    private ThreadPoolExecutor callExecutor;
    private ScheduledExecutorService lateAnswers;
    private EventLoopGroup eventLoop;
    private final FaultPlan faults = new FaultPlan();
    private List<EventOutput> outputs = List.of();
    private volatile int boundPort = -1;
    /** Null when the intake is not capped. */
    private final IntakeCap intake;

    ToggleSink(SinkSettings settings, IntakeCap intake) {
        this.settings = settings;
        this.intake = intake;
        this.ledger = new EventLedger(settings.retainEvents());
    }

    /** A builder with host {@code 127.0.0.1}, an ephemeral port and no outputs. */
    public static ToggleSinkBuilder builder() {
        return new ToggleSinkBuilder();
    }

    /**
     * Opens the outputs and starts listening.
     *
     * @return this sink
     * @throws IOException when an output cannot be opened or the address cannot be bound; the sink is then closed
     * @throws IllegalStateException when the sink was already started or closed
     */
    public ToggleSink start() throws IOException {
        synchronized (lifecycle) {
            if (state != State.NEW) {
                throw new IllegalStateException("a ToggleSink starts once; this one is " + state);
            }
            state = State.STARTED;
            try {
                outputs = SinkOutputs.open(settings);
                callExecutor = newCallExecutor();
                lateAnswers = Executors.newSingleThreadScheduledExecutor(daemonThreads("toggle-sink-late-answers"));
                // NIO, not the native epoll transport: a sink often shares its JVM with an OSGi framework
                // whose bundles load netty's natives in other class loaders (Pax Exam), and a native
                // library binds to one class loader.
                eventLoop = new NioEventLoopGroup(2, daemonThreads("toggle-sink-io"));
                server = NettyServerBuilder.forAddress(new InetSocketAddress(settings.host(), settings.port()))
                        .bossEventLoopGroup(eventLoop)
                        .workerEventLoopGroup(eventLoop)
                        .channelType(NioServerSocketChannel.class)
                        .sslContext(sslContext(settings.tls()))
                        .executor(callExecutor)
                        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                        .addService(service())
                        .build()
                        .start();
            } catch (IOException e) {
                close();
                throw new IOException("toggle sink cannot start on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            boundPort = server.getPort();
            LOG.info("listening on {}:{} ({}, auth: {})", settings.host(), boundPort,
                    settings.counting() ? "counting events, decoding none" : "schema: " + settings.schema(), settings.authDescription());
            return this;
        }
    }

    private ServerServiceDefinition service() {
        StrictDecoder decoder = settings.counting() ? null : StrictDecoder.forGeneration(settings.schema());
        ServerServiceDefinition service = new SendEventsService(decoder, ledger, outputs, faults, intake, lateAnswers).bindService();
        return settings.tokenCheck() == null
                ? service
                : ServerInterceptors.intercept(service, new BearerAuthInterceptor(settings.tokenCheck(), ledger));
    }

    // Null (plaintext) without TLS files.
    private static SslContext sslContext(SinkSettings.Tls tls) throws IOException {
        if (tls == null) {
            return null;
        }
        SslContextBuilder builder = GrpcSslContexts.configure(
                SslContextBuilder.forServer(tls.certChain().toFile(), tls.privateKey().toFile()));
        if (tls.clientCa() != null) {
            builder.trustManager(tls.clientCa().toFile()).clientAuth(ClientAuth.REQUIRE);
        }
        return builder.build();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static ThreadPoolExecutor newCallExecutor() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(CALL_THREADS, CALL_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("toggle-sink-call"));
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /**
     * The port the sink listens on, the bound one when built with port 0.
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public int port() {
        int port = boundPort;
        if (port < 0) {
            throw new IllegalStateException("the sink has not been started");
        }
        return port;
    }

    /**
     * The unique events received so far, decoded, in arrival order, those that did not decode with
     * their problems; empty when built with {@code retainEvents(false)}.
     */
    public List<DecodedEvent> uniqueEvents() {
        return ledger.uniqueEvents();
    }

    /** The wire generation this sink reads. */
    public WireGeneration schema() {
        return settings.schema();
    }

    /** What the sink has received so far. */
    public Counts counts() {
        return ledger.counts();
    }

    /**
     * Waits until at least {@code n} unique events have arrived.
     *
     * @return true when they have; false when {@code timeout} passed first or the thread was interrupted
     *     (its interrupt flag is then set again)
     */
    public boolean awaitUnique(int n, Duration timeout) {
        return ledger.awaitUnique(n, timeout);
    }

    /**
     * Waits until at least {@code n} events have arrived, duplicates included: what a counting sink
     * ({@link ToggleSinkBuilder#counting()}) can tell.
     *
     * @return as {@link #awaitUnique(int, Duration)}
     */
    public boolean awaitReceived(long n, Duration timeout) {
        return ledger.awaitReceived(n, timeout);
    }

    /** Whether this sink only counts events ({@link ToggleSinkBuilder#counting()}). */
    public boolean counting() {
        return settings.counting();
    }

    /**
     * Waits until at least {@code n} of the unique events kept match {@code which} (needs
     * {@code retainEvents(true)}, the default).
     *
     * @return as {@link #awaitUnique(int, Duration)}
     */
    public boolean awaitUnique(java.util.function.Predicate<DecodedEvent> which, int n, Duration timeout) {
        return ledger.awaitUnique(which, n, timeout);
    }

    /** The intake cap with its peak and refusals, when built with {@link ToggleSinkBuilder#intakeCap}; else empty. */
    public Optional<IntakeCap> intake() {
        return Optional.ofNullable(intake);
    }

    /** The faults this sink injects; change them at any time. */
    public FaultPlan faults() {
        return faults;
    }

    /** Stops listening (in-flight calls get a few seconds to finish), then closes the outputs. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            stopServer();
            if (eventLoop != null) {
                eventLoop.shutdownGracefully(0, CLOSE_GRACE_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly(CLOSE_GRACE_SECONDS * 1000);
            }
            stopExecutor();
            if (lateAnswers != null) {
                lateAnswers.shutdownNow();
            }
            closeOutputs();
            LOG.info("closed: {}", ledger.counts());
        }
    }

    private void stopServer() {
        if (server == null) {
            return;
        }
        server.shutdown();
        try {
            if (!server.awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("calls still running after {} s; cancelling them", CLOSE_GRACE_SECONDS);
                server.shutdownNow().awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void stopExecutor() {
        if (callExecutor == null) {
            return;
        }
        callExecutor.shutdown();
        try {
            if (!callExecutor.awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("call threads still busy after {} s; interrupting them", CLOSE_GRACE_SECONDS);
                callExecutor.shutdownNow();
            }
        } catch (InterruptedException e) {
            callExecutor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void closeOutputs() {
        for (EventOutput output : outputs) {
            try {
                output.close();
            } catch (IOException e) {
                LOG.warn("cannot close an output: {}", e.getMessage());
            }
        }
        outputs = List.of();
    }

    @Override
    public String toString() {
        synchronized (lifecycle) {
            return "ToggleSink[" + settings.host() + ":" + (boundPort < 0 ? settings.port() : boundPort)
                    + (settings.counting() ? ", counting" : ", schema=" + settings.schema()) + ", auth=" + settings.authDescription() + ", " + state + "]";
        }
    }
}
