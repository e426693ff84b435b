package io.stratastor.rodent.events.core.impl.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing byte array that JSON is written into as UTF-8, with {@link GoJson}'s escapes made on
 * UTF-8 bytes as they come from a protobuf encoding. Reused by one thread for one payload after
 * another ({@link #reset}); not thread-safe.
 */
final class JsonBytes {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[512];
    private int size;

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    String text() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    void put(char ascii) {
        ensure(1);
        bytes[size++] = (byte) ascii;
    }

    void put(byte[] ascii) {
        ensure(ascii.length);
        System.arraycopy(ascii, 0, bytes, size, ascii.length);
        size += ascii.length;
    }

    void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    /** Any text, escaped as {@link GoJson#string} escapes it. */
    void string(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 2);
        GoJson.string(escaped, text);
        put(escaped.toString().getBytes(StandardCharsets.UTF_8));
    }

    void decimal(long value) {
        if (value == Long.MIN_VALUE) {
            put(MIN_LONG);
            return;
        }
        ensure(20);
        if (value < 0) {
            bytes[size++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = size + digits - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += digits;
    }

    void unsignedDecimal(long value) {
        if (value >= 0) {
            decimal(value);
        } else {
            ascii(Long.toUnsignedString(value));
        }
    }

    /**
     * The UTF-8 text in {@code source[start, end)} as a JSON string with Go's escapes: quote,
     * backslash, \n, \r and \t by name; other control characters, {@code < > &} and U+2028/U+2029 as
     * backslash-u escapes; everything else as it is.
     *
     * @return false, having written a part, when the bytes are not valid UTF-8
     */
    boolean utf8String(ByteBuffer source, int start, int end) {
        ensure(2 + end - start);
        bytes[size++] = '"';
        int at = start;
        while (at < end) {
            // A run of printable ASCII that needs no escape goes in one copy.
            int run = at;
            while (run < end && plain(source.get(run))) {
                run++;
            }
            if (run > at) {
                ensure(run - at);
                source.get(at, bytes, size, run - at);
                size += run - at;
                at = run;
                continue;
            }
            int b = source.get(at) & 0xFF;
            if (b < 0x80) {
                at++;
                switch (b) {
                    case '"' -> escape('"');
                    case '\\' -> escape('\\');
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    case '\t' -> escape('t');
                    case '<', '>', '&' -> unicode(b);
                    default -> {
                        if (b < 0x20) {
                            unicode(b);
                        } else {
                            ensure(1);
                            bytes[size++] = (byte) b;
                        }
                    }
                }
                continue;
            }
            int length = sequenceLength(source, at, end);
            if (length < 0) {
                return false;
            }
            if (length == 3 && b == 0xE2 && (source.get(at + 1) & 0xFF) == 0x80 && ((source.get(at + 2) & 0xFF) == 0xA8
                    || (source.get(at + 2) & 0xFF) == 0xA9)) {
                unicode(0x2000 | (source.get(at + 2) & 0xFF) - 0xA8 + 0x28);
            } else {
                ensure(length);
                for (int i = 0; i < length; i++) {
                    bytes[size++] = source.get(at + i);
                }
            }
            at += length;
        }
        ensure(1);
        bytes[size++] = '"';
        return true;
    }

    // Printable ASCII other than the characters Go escapes.
    private static boolean plain(byte b) {
        return b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&';
    }

    // The length of the well-formed UTF-8 sequence at [at, end) (RFC 3629: no overlongs, no
    // surrogates, nothing past U+10FFFF), or -1.
    private static int sequenceLength(ByteBuffer source, int at, int end) {
        int b = source.get(at) & 0xFF;
        int length;
        int min;
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            min = 0x10000;
        } else {
            return -1;
        }
        if (at + length > end) {
            return -1;
        }
        int code = b & (0xFF >> (length + 1));
        for (int i = 1; i < length; i++) {
            int next = source.get(at + i) & 0xFF;
            if ((next & 0xC0) != 0x80) {
                return -1;
            }
            code = code << 6 | next & 0x3F;
        }
        if (code < min || code > 0x10FFFF || code >= 0xD800 && code <= 0xDFFF) {
            return -1;
        }
        return length;
    }

    private void escape(char named) {
        ensure(2);
        bytes[size++] = '\\';
        bytes[size++] = (byte) named;
    }

    private void unicode(int c) {
        ensure(6);
        bytes[size++] = '\\';
        bytes[size++] = 'u';
        bytes[size++] = HEX[c >> 12 & 0xF];
        bytes[size++] = HEX[c >> 8 & 0xF];
        bytes[size++] = HEX[c >> 4 & 0xF];
        bytes[size++] = HEX[c & 0xF];
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
