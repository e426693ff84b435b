package io.stratastor.rodent.events.toggle;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.stratastor.rodent.events.proto.EventBatch;
import io.stratastor.rodent.events.proto.EventBatchResponse;
import io.stratastor.rodent.events.rpc.RodentServiceGrpc;
import java.util.concurrent.TimeUnit;

/** A real gRPC client of a sink on 127.0.0.1, plaintext; thread-safe like its channel. */
final class SinkClient implements AutoCloseable {
    private final ManagedChannel channel;

    SinkClient(int port) {
        this.channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    /** Sends without an authorization header. */
    EventBatchResponse send(EventBatch batch) {
        return stub(new Metadata()).sendEvents(batch);
    }

    /** Sends with {@code authorization: Bearer <token>}. */
    EventBatchResponse send(EventBatch batch, String token) {
        return sendWithAuthorization(batch, "Bearer " + token);
    }

    EventBatchResponse sendWithAuthorization(EventBatch batch, String authorization) {
        Metadata headers = new Metadata();
        headers.put(BearerAuthInterceptor.AUTHORIZATION, authorization);
        return stub(headers).sendEvents(batch);
    }

    private RodentServiceGrpc.RodentServiceBlockingStub stub(Metadata headers) {
        return RodentServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow();
        channel.awaitTermination(5, TimeUnit.SECONDS);
    }
}
