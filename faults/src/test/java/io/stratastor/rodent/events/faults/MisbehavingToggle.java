package io.stratastor.rodent.events.faults;

import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.stratastor.rodent.events.rpc.RodentServiceGrpc;
import io.stratastor.rodent.events.toggle.RawBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Toggle on a port of the test's that misbehaves in one way: as a gRPC server that never
 * answers or answers what is not an {@code EventBatchResponse}, or as a TCP peer that resets the
 * connection or never speaks HTTP/2. Counts the calls or connections it had.
 */
abstract class MisbehavingToggle implements AutoCloseable {
    private static final String SEND_EVENTS = RodentServiceGrpc.getSendEventsMethod().getFullMethodName();

    final AtomicLong calls = new AtomicLong();

    abstract int port();

    /** Accepts each call and never answers it. */
    static MisbehavingToggle neverAnswering() throws IOException {
        List<StreamObserver<byte[]>> held = new CopyOnWriteArrayList<>();
        return new GrpcMisbehaviour((request, answer) -> held.add(answer));
    }

    /** Answers each call with {@code bytes}, which the client's marshaller has to read as an {@code EventBatchResponse}. */
    static MisbehavingToggle answering(byte[] bytes) throws IOException {
        return new GrpcMisbehaviour((request, answer) -> {
            answer.onNext(bytes);
            answer.onCompleted();
        });
    }

    /** Takes each TCP connection, reads what the client sends first, then resets the connection. */
    static MisbehavingToggle resettingMidCall() throws IOException {
        return new TcpMisbehaviour(true);
    }

    /** Takes each TCP connection and says nothing, ever. */
    static MisbehavingToggle silentTcp() throws IOException {
        return new TcpMisbehaviour(false);
    }

    private static final class GrpcMisbehaviour extends MisbehavingToggle {
        private final Server server;

        GrpcMisbehaviour(ServerCalls.UnaryMethod<byte[], byte[]> handler) throws IOException {
            MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder()
                    .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(SEND_EVENTS)
                    .setRequestMarshaller(RawBytes.MARSHALLER).setResponseMarshaller(RawBytes.MARSHALLER).build();
            ServerServiceDefinition service = ServerServiceDefinition.builder(RodentServiceGrpc.SERVICE_NAME)
                    .addMethod(method, ServerCalls.asyncUnaryCall((request, answer) -> {
                        calls.incrementAndGet();
                        handler.invoke(request, answer);
                    })).build();
            server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .maxInboundMessageSize(64 << 20).addService(service).build().start();
        }

        @Override
        int port() {
            return server.getPort();
        }

        @Override
        public void close() throws InterruptedException {
            server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static final class TcpMisbehaviour extends MisbehavingToggle {
        private final ServerSocket listener;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        TcpMisbehaviour(boolean reset) throws IOException {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> accept(reset), "misbehaving-toggle");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void accept(boolean reset) {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    calls.incrementAndGet();
                    if (reset) {
                        // The client's preface and first frames arrived: the call has begun.
                        socket.getInputStream().read(new byte[4096]);
                        socket.setSoLinger(true, 0);
                        socket.close();
                    } else {
                        open.add(socket);
                    }
                } catch (IOException e) {
                    if (!listener.isClosed()) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }

        @Override
        int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            listener.close();
            for (Socket socket : open) {
                socket.close();
            }
            acceptor.join(10_000);
        }
    }
}
