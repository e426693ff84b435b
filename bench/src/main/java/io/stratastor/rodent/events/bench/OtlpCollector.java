package io.stratastor.rodent.events.bench;

import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.stratastor.rodent.events.toggle.RawBytes;
import io.stratastor.rodent.events.toggle.WireWalk;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback OTLP logs collector: {@code opentelemetry.proto.collector.logs.v1.LogsService/Export}
 * on grpc-java, which counts the log records of each {@code ExportLogsServiceRequest} by walking its
 * wire format ({@link WireWalk}, path resource_logs 1 → scope_logs 2 → log_records 2), the same work
 * the reference Toggle's counting mode does for an {@code EventBatch}: nothing parsed, the framing of
 * all it walks checked, a malformed request answered {@code INVALID_ARGUMENT}, as a collector answers
 * one it cannot unmarshal. Counts records, requests, request bytes and the time of the last record.
 * Thread-safe.
 */
final class OtlpCollector implements AutoCloseable {
    static final String SERVICE = "opentelemetry.proto.collector.logs.v1.LogsService";
    private static final byte[] EMPTY_RESPONSE = new byte[0]; // ExportLogsServiceResponse with no partial_success

    final LongAdder records = new LongAdder();
    final LongAdder requests = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder refused = new LongAdder();
    final AtomicLong lastRecordNanos = new AtomicLong();
    private final Server server;

    OtlpCollector() throws IOException {
        MethodDescriptor<byte[], byte[]> export = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Export"))
                .setRequestMarshaller(RawBytes.MARSHALLER)
                .setResponseMarshaller(RawBytes.MARSHALLER)
                .build();
        ServerServiceDefinition service = ServerServiceDefinition.builder(SERVICE)
                .addMethod(export, ServerCalls.asyncUnaryCall((request, response) -> {
                    long count;
                    try {
                        count = WireWalk.count(request, 1, 2, 2);
                    } catch (WireWalk.MalformedException e) {
                        refused.increment();
                        response.onError(Status.INVALID_ARGUMENT.withDescription("not an ExportLogsServiceRequest: " + e.getMessage())
                                .asRuntimeException());
                        return;
                    }
                    records.add(count);
                    requests.increment();
                    bytes.add(request.length);
                    lastRecordNanos.set(System.nanoTime());
                    response.onNext(EMPTY_RESPONSE);
                    response.onCompleted();
                }))
                .build();
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service)
                .maxInboundMessageSize(64 << 20).build().start();
    }

    int port() {
        return server.getPort();
    }

    void reset() {
        records.reset();
        requests.reset();
        bytes.reset();
        refused.reset();
        lastRecordNanos.set(0);
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
