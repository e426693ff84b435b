package io.stratastor.rodent.events.core.impl.transport;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NegotiationType;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.stub.MetadataUtils;
import io.stratastor.rodent.events.core.impl.pipeline.ToggleSettings;
import io.stratastor.rodent.events.proto.EventBatch;
import io.stratastor.rodent.events.proto.EventBatchResponse;
import io.stratastor.rodent.events.rpc.RodentServiceGrpc;
import java.io.File;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * {@code rodent.RodentService/SendEvents} over one gRPC channel. The channel runs on an event loop
 * and executor of its own, shut down in {@link #close()}: gRPC's shared loop would outlive the
 * bundle and fail with a stale class loader after an update. Thread-safe.
 */
public final class GrpcToggleTransport implements ToggleTransport {
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final EventLoopGroup eventLoop;
    private final ExecutorService executor;
    private final ManagedChannel channel;
    private final AtomicBoolean closed = new AtomicBoolean();

    public GrpcToggleTransport(ToggleSettings settings) {
        this.eventLoop = new NioEventLoopGroup(1, threads("rodent-events-grpc-io"));
        this.executor = Executors.newFixedThreadPool(2, threads("rodent-events-grpc-exec"));
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(settings.address())
                .eventLoopGroup(eventLoop)
                .channelType(NioSocketChannel.class)
                .executor(executor)
                .maxInboundMessageSize(1024 * 1024);
        try {
            if (settings.tls()) {
                builder.negotiationType(NegotiationType.TLS);
                SslContextBuilder ssl = GrpcSslContexts.forClient();
                if (!settings.caFile().isEmpty()) {
                    ssl.trustManager(new File(settings.caFile()));
                }
                if (!settings.certFile().isEmpty()) {
                    ssl.keyManager(new File(settings.certFile()), new File(settings.keyFile()));
                }
                builder.sslContext(ssl.build());
            } else {
                builder.usePlaintext();
            }
        } catch (SSLException | RuntimeException e) {
            eventLoop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            executor.shutdownNow();
            throw new IllegalArgumentException("toggle.ca_file, toggle.cert_file or toggle.key_file cannot be used (" + settings.caFile()
                    + ", " + settings.certFile() + "): " + e.getClass().getSimpleName() + "; expected readable PEM files", e);
        }
        this.channel = builder.build();
        // Connect now rather than on the first batch: the first connection costs seconds on a busy node.
        channel.getState(true);
    }

    @Override
    public SendResult send(EventBatch batch, String token, Duration deadline) {
        if (closed.get()) {
            return new SendResult(SendOutcome.RETRY, "transport closed");
        }
        Metadata headers = new Metadata();
        if (!token.isEmpty()) {
            headers.put(AUTHORIZATION, "Bearer " + token);
        }
        try {
            EventBatchResponse response = RodentServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                    .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .sendEvents(batch);
            return response.getSuccess()
                    ? new SendResult(SendOutcome.DELIVERED, response.getMessage())
                    : new SendResult(SendOutcome.REJECTED, response.getMessage());
        } catch (StatusRuntimeException e) {
            return fromStatus(e.getStatus());
        } catch (RuntimeException e) {
            return new SendResult(SendOutcome.RETRY, e.getClass().getSimpleName());
        }
    }

    static SendResult fromStatus(Status status) {
        String detail = status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
        switch (status.getCode()) {
            case UNAUTHENTICATED:
            case PERMISSION_DENIED:
                return new SendResult(SendOutcome.AUTH_BLOCKED, detail);
            default:
                // Every other status is transient for us: a batch is never dropped.
                return new SendResult(SendOutcome.RETRY, detail);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        channel.shutdownNow();
        try {
            channel.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        eventLoop.shutdownGracefully(0, CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS).awaitUninterruptibly(CLOSE_WAIT_MILLIS);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
