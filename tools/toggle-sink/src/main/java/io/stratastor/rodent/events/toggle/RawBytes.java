package io.stratastor.rodent.events.toggle;

import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** The gRPC marshaller of a message as its bytes, untouched: for receivers that walk or decode the wire format themselves. Stateless. */
public final class RawBytes {
    /** Reads the whole message into an array; writes an array as it is. */
    public static final MethodDescriptor.Marshaller<byte[]> MARSHALLER = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw Status.INTERNAL.withDescription("cannot read the request: " + e.getMessage()).withCause(e).asRuntimeException();
            }
        }
    };

    private RawBytes() {
    }
}
