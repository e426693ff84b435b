package io.stratastor.rodent.events.toggle;

import com.google.protobuf.MessageLite;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.stratastor.rodent.events.wire.v2025_09.EventBatchResponse;
import java.util.concurrent.TimeUnit;

/**
 * A real gRPC client of a sink on 127.0.0.1, plaintext, sending the batch as bytes so that either
 * generation (or no valid batch at all) can travel; thread-safe like its channel.
 */
final class SinkClient implements AutoCloseable {
    private final ManagedChannel channel;

    SinkClient(int port) {
        this.channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    /** Sends without an authorization header. */
    EventBatchResponse send(MessageLite batch) {
        return send(batch.toByteArray(), new Metadata());
    }

    /** Sends raw request bytes without an authorization header. */
    EventBatchResponse send(byte[] batch) {
        return send(batch, new Metadata());
    }

    /** Sends with {@code authorization: Bearer <token>}. */
    EventBatchResponse send(MessageLite batch, String token) {
        return sendWithAuthorization(batch, "Bearer " + token);
    }

    EventBatchResponse sendWithAuthorization(MessageLite batch, String authorization) {
        Metadata headers = new Metadata();
        headers.put(BearerAuthInterceptor.AUTHORIZATION, authorization);
        return send(batch.toByteArray(), headers);
    }

    /** Sends without an authorization header, gzip-compressed ({@code grpc-encoding: gzip}), as a node with toggle.compression gzip does. */
    EventBatchResponse sendGzipped(MessageLite batch) {
        return send(batch.toByteArray(), new Metadata(), CallOptions.DEFAULT.withCompression("gzip"));
    }

    private EventBatchResponse send(byte[] batch, Metadata headers) {
        return send(batch, headers, CallOptions.DEFAULT);
    }

    private EventBatchResponse send(byte[] batch, Metadata headers, CallOptions options) {
        Channel withHeaders = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
        return ClientCalls.blockingUnaryCall(withHeaders, SendEventsService.SEND_EVENTS,
                options.withDeadlineAfter(10, TimeUnit.SECONDS), batch);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow();
        channel.awaitTermination(5, TimeUnit.SECONDS);
    }
}
