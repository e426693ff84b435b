package io.stratastor.rodent.events.core.impl.transport;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptors;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NegotiationType;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.stratastor.rodent.events.core.impl.settings.Compression;
import io.stratastor.rodent.events.core.impl.settings.ToggleSettings;
import io.stratastor.rodent.events.core.impl.wire.EncodedBatch;
import io.stratastor.rodent.events.proto.EventBatch;
import io.stratastor.rodent.events.rpc.RodentServiceGrpc;
import io.stratastor.rodent.events.wire.v2025_09.EventBatchResponse;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * {@code rodent.RodentService/SendEvents} over one gRPC channel, several calls at once, each
 * batch sent as the bytes it was assembled into, gzipped by gRPC when {@code toggle.compression} says so. The channel runs on an event loop
 * and executor of its own, shut down in {@link #close()}: gRPC's shared loop would outlive the
 * bundle and fail with a stale class loader after an update. Thread-safe.
 */
public final class GrpcToggleTransport implements ToggleTransport {
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    /** gRPC's retry pushback: the milliseconds the server asks the client to wait before it tries again. */
    static final Metadata.Key<String> RETRY_PUSHBACK = Metadata.Key.of("grpc-retry-pushback-ms", Metadata.ASCII_STRING_MARSHALLER);
    private static final long CLOSE_WAIT_MILLIS = 2_000;
    // SendEvents with the request as stored bytes (the wire is the same as the generated stub's).
    private static final int MAX_DETAIL = 400;
    private static final MethodDescriptor<EncodedBatch, EventBatchResponse> SEND_EVENTS = MethodDescriptor
            .<EncodedBatch, EventBatchResponse>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(RodentServiceGrpc.getSendEventsMethod().getFullMethodName())
            .setRequestMarshaller(new EncodedBatchMarshaller())
            .setResponseMarshaller(ProtoUtils.marshaller(EventBatchResponse.getDefaultInstance()))
            .build();

    private final EventLoopGroup eventLoop;
    private final ExecutorService executor;
    private final ManagedChannel channel;
    private final CallOptions callOptions;
    private final AtomicBoolean closed = new AtomicBoolean();

    public GrpcToggleTransport(ToggleSettings settings) {
        this.eventLoop = new NioEventLoopGroup(1, threads("rodent-events-grpc-io"));
        this.executor = Executors.newFixedThreadPool(2, threads("rodent-events-grpc-exec"));
        NettyChannelBuilder builder = ToggleTargets.builder(settings.address())
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
        this.callOptions = settings.compression() == Compression.GZIP ? CallOptions.DEFAULT.withCompression(Compression.GZIP.label())
                : CallOptions.DEFAULT;
        // Connect now rather than on the first batch: the first connection costs seconds on a busy node.
        channel.getState(true);
    }

    @Override
    public CompletableFuture<SendResult> send(EncodedBatch batch, String token, Duration deadline) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        if (closed.get()) {
            result.complete(new SendResult(SendOutcome.RETRY, "transport closed"));
            return result;
        }
        Metadata headers = new Metadata();
        if (!token.isEmpty()) {
            headers.put(AUTHORIZATION, "Bearer " + token);
        }
        try {
            ClientCall<EncodedBatch, EventBatchResponse> call = ClientInterceptors
                    .intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers))
                    .newCall(SEND_EVENTS, callOptions.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS));
            ClientCalls.asyncUnaryCall(call, batch, new Answer(result));
        } catch (RuntimeException e) {
            result.complete(new SendResult(SendOutcome.RETRY, e.getClass().getSimpleName()));
        }
        return result;
    }

    // Toggle's single answer, or the call's failure, as an outcome.
    private static final class Answer implements StreamObserver<EventBatchResponse> {
        private final CompletableFuture<SendResult> result;
        private EventBatchResponse response;

        Answer(CompletableFuture<SendResult> result) {
            this.result = result;
        }

        @Override
        public void onNext(EventBatchResponse value) {
            response = value;
        }

        @Override
        public void onError(Throwable error) {
            result.complete(fromStatus(Status.fromThrowable(error), Status.trailersFromThrowable(error)));
        }

        @Override
        public void onCompleted() {
            if (response == null) {
                result.complete(new SendResult(SendOutcome.RETRY, "Toggle answered nothing"));
            } else {
                result.complete(response.getSuccess()
                        ? new SendResult(SendOutcome.DELIVERED, response.getMessage())
                        : new SendResult(SendOutcome.REJECTED, response.getMessage()));
            }
        }
    }

    // The stored bytes go out as they are; only the client side of the method is ever used.
    private static final class EncodedBatchMarshaller implements MethodDescriptor.Marshaller<EncodedBatch> {
        @Override
        public InputStream stream(EncodedBatch batch) {
            return new BatchStream(batch.array(), batch.size());
        }

        @Override
        public EncodedBatch parse(InputStream stream) {
            try {
                return EncodedBatch.of(EventBatch.parseFrom(stream));
            } catch (IOException e) {
                throw Status.INTERNAL.withDescription("EventBatch does not parse: " + e.getMessage()).withCause(e).asRuntimeException();
            }
        }
    }

    // Known length and drainable, so gRPC writes the array in one go instead of buffering a copy.
    private static final class BatchStream extends ByteArrayInputStream implements KnownLength, Drainable {
        BatchStream(byte[] bytes, int length) {
            super(bytes, 0, length);
        }

        @Override
        public synchronized int drainTo(OutputStream target) throws IOException {
            int length = count - pos;
            target.write(buf, pos, length);
            pos = count;
            return length;
        }
    }

    static SendResult fromStatus(Status status, Metadata trailers) {
        String detail = describe(status);
        switch (status.getCode()) {
            case UNAUTHENTICATED:
            case PERMISSION_DENIED:
                return new SendResult(SendOutcome.AUTH_BLOCKED, detail);
            case RESOURCE_EXHAUSTED:
            case UNAVAILABLE:
                return new SendResult(SendOutcome.RETRY, detail, pushback(trailers));
            default:
                // Every other status is transient for us: a batch is never dropped.
                return new SendResult(SendOutcome.RETRY, detail);
        }
    }

    /**
     * One line an operator can act on: the status, the first line of its description and the root
     * cause, which names what gRPC's generic words hide (the certificate name that did not match,
     * the answer that did not parse).
     */
    static String describe(Status status) {
        StringBuilder detail = new StringBuilder(status.getCode().toString());
        if (status.getDescription() != null) {
            detail.append(": ").append(firstLine(status.getDescription()));
        }
        Throwable root = status.getCause();
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != null && root.getMessage() != null) {
            detail.append(" (").append(root.getClass().getSimpleName()).append(": ").append(firstLine(root.getMessage())).append(')');
        }
        return detail.length() <= MAX_DETAIL ? detail.toString() : detail.substring(0, MAX_DETAIL) + "…";
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    /** The wait {@code grpc-retry-pushback-ms} asks for; null when absent, negative or not a decimal number of milliseconds. */
    static Duration pushback(Metadata trailers) {
        String value = trailers == null ? null : trailers.get(RETRY_PUSHBACK);
        if (value == null) {
            return null;
        }
        try {
            long millis = Long.parseLong(value.trim());
            return millis < 0 ? null : Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            return null;
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
