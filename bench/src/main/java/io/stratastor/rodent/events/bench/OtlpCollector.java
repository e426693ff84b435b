package io.stratastor.rodent.events.bench;

import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback OTLP logs collector: {@code opentelemetry.proto.collector.logs.v1.LogsService/Export}
 * on grpc-java, counting records, requests, request bytes and the time of the last record. Thread-safe.
 */
final class OtlpCollector implements AutoCloseable {
    static final String SERVICE = "opentelemetry.proto.collector.logs.v1.LogsService";

    final LongAdder records = new LongAdder();
    final LongAdder requests = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final AtomicLong lastRecordNanos = new AtomicLong();
    private final Server server;

    OtlpCollector() throws IOException {
        MethodDescriptor<ExportLogsServiceRequest, ExportLogsServiceResponse> export =
                MethodDescriptor.<ExportLogsServiceRequest, ExportLogsServiceResponse>newBuilder()
                        .setType(MethodDescriptor.MethodType.UNARY)
                        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Export"))
                        .setRequestMarshaller(ProtoUtils.marshaller(ExportLogsServiceRequest.getDefaultInstance()))
                        .setResponseMarshaller(ProtoUtils.marshaller(ExportLogsServiceResponse.getDefaultInstance()))
                        .build();
        ServerServiceDefinition service = ServerServiceDefinition.builder(SERVICE)
                .addMethod(export, ServerCalls.asyncUnaryCall((request, response) -> {
                    long count = 0;
                    for (ResourceLogs resource : request.getResourceLogsList()) {
                        for (ScopeLogs scope : resource.getScopeLogsList()) {
                            count += scope.getLogRecordsCount();
                        }
                    }
                    records.add(count);
                    requests.increment();
                    bytes.add(request.getSerializedSize());
                    lastRecordNanos.set(System.nanoTime());
                    response.onNext(ExportLogsServiceResponse.getDefaultInstance());
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
