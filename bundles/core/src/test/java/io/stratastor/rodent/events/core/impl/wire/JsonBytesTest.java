package io.stratastor.rodent.events.core.impl.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Strings escaped from their UTF-8 bytes must read as GoJson escapes them from the text. */
class JsonBytesTest {

    private static String fromBytes(byte[] utf8) {
        JsonBytes out = new JsonBytes();
        assertThat(out.utf8String(ByteBuffer.wrap(utf8), 0, utf8.length)).isTrue();
        return out.text();
    }

    private static String fromText(String text) {
        StringBuilder out = new StringBuilder();
        GoJson.string(out, text);
        return out.toString();
    }

    @Test
    void everyEscapeGoMakes() {
        String text = "quote\" back\\ nl\n cr\r tab\t bell\u0007 del\u007f <tag> & \u2028\u2029 é ☃ 😀 \u00a0";
        assertThat(fromBytes(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(fromText(text));
    }

    @Property(tries = 300)
    void anyTextAsGoJsonWritesIt(@ForAll String text) {
        assertThat(fromBytes(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(fromText(text));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedSoTheCallerFallsBack() {
        byte[][] broken = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, 0, 0},
                {(byte) 0xE2, (byte) 0x80}, {(byte) 0x80}, {'a', (byte) 0xFF}};
        for (byte[] bytes : broken) {
            assertThat(new JsonBytes().utf8String(ByteBuffer.wrap(bytes), 0, bytes.length)).as("%s", java.util.Arrays.toString(bytes))
                    .isFalse();
        }
    }

    @Test
    void decimalsOfEveryRange() {
        JsonBytes out = new JsonBytes();
        for (long value : new long[] {0, 7, -7, 10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE}) {
            out.reset();
            out.decimal(value);
            assertThat(out.text()).isEqualTo(Long.toString(value));
        }
        out.reset();
        out.unsignedDecimal(-1L);
        assertThat(out.text()).isEqualTo(Long.toUnsignedString(-1L));
    }
}
