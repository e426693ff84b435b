package io.stratastor.rodent.events.core.impl.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.stratastor.rodent.events.core.impl.settings.Compression;
import io.stratastor.rodent.events.core.impl.settings.ToggleSettings;
import io.stratastor.rodent.events.core.impl.wire.Generation;
import io.stratastor.rodent.events.core.impl.wire.EncodedBatch;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventBatch;
import io.stratastor.rodent.events.rpc.RodentServiceGrpc;
import io.stratastor.rodent.events.wire.v2025_09.EventBatchResponse;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GrpcToggleTransportTest {
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private static final Metadata.Key<String> ENCODING = Metadata.Key.of("grpc-encoding", Metadata.ASCII_STRING_MARSHALLER);

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> encodings = new CopyOnWriteArrayList<>();
    private final List<io.stratastor.rodent.events.wire.v2025_09.EventBatch> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Status> failWith = new AtomicReference<>();
    private final AtomicReference<String> pushback = new AtomicReference<>();
    private final AtomicReference<Boolean> success = new AtomicReference<>(true);
    private Server server;
    private GrpcToggleTransport transport;

    private GrpcToggleTransport transportToServer() throws Exception {
        return transportToServer(Compression.NONE);
    }

    private GrpcToggleTransport transportToServer(Compression compression) throws Exception {
        RodentServiceGrpc.RodentServiceImplBase service = new RodentServiceGrpc.RodentServiceImplBase() {
            @Override
            public void sendEvents(io.stratastor.rodent.events.wire.v2025_09.EventBatch request, StreamObserver<EventBatchResponse> response) {
                received.add(request);
                Status status = failWith.get();
                if (status != null) {
                    Metadata trailers = new Metadata();
                    if (pushback.get() != null) {
                        trailers.put(GrpcToggleTransport.RETRY_PUSHBACK, pushback.get());
                    }
                    response.onError(status.asRuntimeException(trailers));
                    return;
                }
                response.onNext(EventBatchResponse.newBuilder().setSuccess(success.get()).setMessage("got " + request.getEventsCount()).build());
                response.onCompleted();
            }
        };
        ServerInterceptor recordAuthorization = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                authorizations.add(String.valueOf(headers.get(AUTHORIZATION)));
                encodings.add(String.valueOf(headers.get(ENCODING)));
                return next.startCall(call, headers);
            }
        };
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(ServerInterceptors.intercept(service, recordAuthorization)).build().start();
        transport = new GrpcToggleTransport(new ToggleSettings("127.0.0.1:" + server.getPort(), "", false, "", "", "", Duration.ofSeconds(5),
                "", Generation.V2025_09, compression));
        return transport;
    }

    private static EncodedBatch batch() {
        return EncodedBatch.of(EventBatch.newBuilder().setBatchId("b-1").addEvents(Event.newBuilder().setEventId("e-1")).build());
    }

    @AfterEach
    void stop() throws Exception {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void successIsDeliveredAndCarriesTheBearerToken() throws Exception {
        SendResult result = transportToServer().send(batch(), "jwt-value", Duration.ofSeconds(5)).join();

        assertThat(result.outcome()).isEqualTo(SendOutcome.DELIVERED);
        assertThat(authorizations).containsExactly("Bearer jwt-value");
    }

    @Test
    void withGzipTheRequestGoesCompressedAndArrivesIntactAtAPlainGrpcServer() throws Exception {
        EventBatch large = EventBatch.newBuilder().setBatchId("b-gzip")
                .addAllEvents(java.util.stream.IntStream.range(0, 200)
                        .mapToObj(i -> Event.newBuilder().setEventId("e-" + i).setSource("pool/tank-" + i).build()).toList())
                .build();

        SendResult result = transportToServer(Compression.GZIP).send(EncodedBatch.of(large), "", Duration.ofSeconds(5)).join();

        assertThat(result.outcome()).isEqualTo(SendOutcome.DELIVERED);
        assertThat(result.detail()).isEqualTo("got 200");
        assertThat(encodings).containsExactly("gzip");
        assertThat(received).singleElement().satisfies(request -> assertThat(request.toByteArray()).isEqualTo(large.toByteArray()));
    }

    @Test
    void withoutCompressionTheRequestGoesAsItIs() throws Exception {
        assertThat(transportToServer().send(batch(), "", Duration.ofSeconds(5)).join().outcome()).isEqualTo(SendOutcome.DELIVERED);

        assertThat(encodings).containsExactly("null");
    }

    @Test
    void successFalseIsRejectedForGood() throws Exception {
        success.set(false);

        assertThat(transportToServer().send(batch(), "t", Duration.ofSeconds(5)).join().outcome()).isEqualTo(SendOutcome.REJECTED);
    }

    @Test
    void unauthenticatedAndPermissionDeniedBlockOnTheToken() throws Exception {
        GrpcToggleTransport toToggle = transportToServer();
        failWith.set(Status.UNAUTHENTICATED.withDescription("bad signature"));
        assertThat(toToggle.send(batch(), "t", Duration.ofSeconds(5)).join().outcome()).isEqualTo(SendOutcome.AUTH_BLOCKED);
        failWith.set(Status.PERMISSION_DENIED);
        assertThat(toToggle.send(batch(), "t", Duration.ofSeconds(5)).join().outcome()).isEqualTo(SendOutcome.AUTH_BLOCKED);
    }

    @Test
    void transientStatusesAndNoConnectionAreRetried() throws Exception {
        GrpcToggleTransport toToggle = transportToServer();
        for (Status status : List.of(Status.UNAVAILABLE, Status.RESOURCE_EXHAUSTED, Status.INTERNAL, Status.UNKNOWN, Status.DEADLINE_EXCEEDED)) {
            failWith.set(status);
            assertThat(toToggle.send(batch(), "t", Duration.ofSeconds(5)).join().outcome()).as(status.getCode().name()).isEqualTo(SendOutcome.RETRY);
        }
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        assertThat(toToggle.send(batch(), "t", Duration.ofSeconds(5)).join().outcome()).isEqualTo(SendOutcome.RETRY);
    }

    @Test
    void theRetryPushbackTrailerOfResourceExhaustedAndUnavailableIsRead() throws Exception {
        GrpcToggleTransport toToggle = transportToServer();
        pushback.set("2000");
        for (Status status : List.of(Status.RESOURCE_EXHAUSTED.withDescription("slow down"), Status.UNAVAILABLE)) {
            failWith.set(status);
            SendResult result = toToggle.send(batch(), "t", Duration.ofSeconds(5)).join();
            assertThat(result.outcome()).as(status.getCode().name()).isEqualTo(SendOutcome.RETRY);
            assertThat(result.pushback()).as(status.getCode().name()).isEqualTo(Duration.ofSeconds(2));
        }
        assertThat(toToggle.send(batch(), "t", Duration.ofSeconds(5)).join().detail()).isEqualTo("UNAVAILABLE");

        // Only those two statuses carry a pushback; no trailer, a negative or an unparseable value is none.
        failWith.set(Status.INTERNAL);
        assertThat(toToggle.send(batch(), "t", Duration.ofSeconds(5)).join().pushback()).isNull();
        failWith.set(Status.RESOURCE_EXHAUSTED);
        for (String value : new String[] {null, "-1", "soon", "1.5"}) {
            pushback.set(value);
            SendResult result = toToggle.send(batch(), "t", Duration.ofSeconds(5)).join();
            assertThat(result.outcome()).as(value).isEqualTo(SendOutcome.RETRY);
            assertThat(result.pushback()).as(value).isNull();
        }
    }

    @Test
    void aFailuresDetailIsOneLineNamingTheRootCauseThatGrpcsWordsHide() {
        javax.net.ssl.SSLHandshakeException handshake = new javax.net.ssl.SSLHandshakeException(
                "No subject alternative names matching IP address 127.0.0.1 found");
        io.grpc.Status status = io.grpc.Status.UNAVAILABLE.withDescription("io exception\nChannel Pipeline: [SslHandler#0]")
                .withCause(new java.io.IOException("handshake", handshake));

        assertThat(GrpcToggleTransport.describe(status)).isEqualTo(
                "UNAVAILABLE: io exception (SSLHandshakeException: No subject alternative names matching IP address 127.0.0.1 found)");
        assertThat(GrpcToggleTransport.describe(io.grpc.Status.DEADLINE_EXCEEDED)).isEqualTo("DEADLINE_EXCEEDED");
        assertThat(GrpcToggleTransport.describe(io.grpc.Status.INTERNAL.withDescription("x".repeat(1_000)))).hasSize(401).endsWith("…");
    }

    @Test
    void closedTransportAnswersRetryAndCloseIsIdempotent() throws Exception {
        GrpcToggleTransport toToggle = transportToServer();
        toToggle.close();
        toToggle.close();

        assertThat(toToggle.send(batch(), "t", Duration.ofSeconds(5)).join().outcome()).isEqualTo(SendOutcome.RETRY);
    }
}
