package io.stratastor.rodent.events.upstream;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Writes protobuf bytes by hand, field number by field number, as the schema tables give them; not thread-safe. */
final class Wire {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    static Wire message() {
        return new Wire();
    }

    Wire string(int number, String value) {
        return write(() -> out.writeString(number, value));
    }

    Wire varint(int number, long value) {
        return write(() -> out.writeInt64(number, value));
    }

    Wire bytes(int number, ByteString value) {
        return write(() -> out.writeBytes(number, value));
    }

    Wire json(int number, String json) {
        return bytes(number, ByteString.copyFrom(json, StandardCharsets.UTF_8));
    }

    Wire message(int number, Wire inner) {
        return bytes(number, inner.build());
    }

    Wire fixed32(int number, int bits) {
        return write(() -> out.writeFixed32(number, bits));
    }

    /** A map<string,string> entry: key 1, value 2. */
    Wire entry(int number, String key, String value) {
        return message(number, message().string(1, key).string(2, value));
    }

    ByteString build() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ByteString.copyFrom(bytes.toByteArray());
    }

    byte[] toByteArray() {
        return build().toByteArray();
    }

    private interface Write {
        void run() throws IOException;
    }

    private Wire write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
