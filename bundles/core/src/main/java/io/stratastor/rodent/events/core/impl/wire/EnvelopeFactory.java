package io.stratastor.rodent.events.core.impl.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Wraps a validated event in its envelope (UUIDv7 id in emit order, millisecond timestamp, encoded payload) and
 * encodes it straight into the {@code Event} wire format: the bytes {@code Event.toByteArray()}
 * would give, fields in number order, without building an {@code Event} on the emit path. Each
 * thread encodes into a buffer of its own; names that repeat (types, sources, payload types)
 * are encoded once and remembered. Thread-safe.
 */
public final class EnvelopeFactory {
    /** One encoded envelope: {@code bytes[0, length)}, the calling thread's buffer, valid until its next encode. */
    public record Encoded(byte[] bytes, int length) {
        public Event parse() {
            try {
                return Event.parser().parseFrom(bytes, 0, length);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("an envelope this factory encoded does not parse: " + e.getMessage(), e);
            }
        }
    }

    /**
     * A text field holds a control character; thrown without a message, the caller names the
     * field ({@link io.stratastor.rodent.events.core.check.EventChecks#checkPrintable}). Rare, so one instance without a trace.
     */
    public static final class ControlCharacter extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final ControlCharacter INSTANCE = new ControlCharacter();

        private ControlCharacter() {
            super("a text field holds a control character", null, false, false);
        }
    }

    private static final int INITIAL_BUFFER = 2048;
    // A buffer grown past this by a large event is not kept for the thread's next one.
    private static final int KEPT_BUFFER = 256 * 1024;
    // Names are few (the schema's types, the node's sources and keys); values are not remembered.
    private static final int MAX_REMEMBERED = 4096;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final Clock clock;
    private final IdSequence ids = new IdSequence();
    private final ThreadLocal<EnvelopeScratch> scratches = ThreadLocal.withInitial(() -> new EnvelopeScratch(INITIAL_BUFFER));
    // By field number: a type, a source and a payload type of the same text are encoded apart.
    private final Map<Integer, Map<String, byte[]>> names = Map.of(2, new ConcurrentHashMap<>(), 5, new ConcurrentHashMap<>(),
            9, new ConcurrentHashMap<>());

    public EnvelopeFactory(Clock clock) {
        this.clock = clock;
    }

    /** The envelope as a message: for taps and tests, not the emit path. */
    public Event envelope(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata) {
        return encode(category, eventType, level, source, payload, metadata).parse();
    }

    /**
     * Encodes the envelope with a new id and the clock's time.
     *
     * @throws ControlCharacter when a text field holds a control character
     */
    public Encoded encode(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata) {
        long now = clock.millis();
        long high = IdSequence.mostSignificantBits(ids.next(now));
        return encode(high, UuidV7.leastSignificantBits(ThreadLocalRandom.current()), now, category, eventType, level, source,
                payload, metadata);
    }

    /** Encodes the envelope with the id and time given. */
    public Encoded encode(UUID eventId, long timestamp, Category category, String eventType, Level level, String source,
            Message payload, Map<String, String> metadata) {
        return encode(eventId.getMostSignificantBits(), eventId.getLeastSignificantBits(), timestamp, category, eventType,
                level, source, payload, metadata);
    }

    // Encodes into the thread's buffer; an envelope that does not fit grows it and is encoded again.
    private Encoded encode(long idHigh, long idLow, long timestamp, Category category, String eventType, Level level,
            String source, Message payload, Map<String, String> metadata) {
        EnvelopeScratch scratch = scratches.get();
        int payloadSize = payload == null ? 0 : payload.getSerializedSize();
        String payloadType = payload == null ? "" : payload.getDescriptorForType().getFullName();
        byte[] buffer = scratch.buffer;
        int at;
        while ((at = encodeInto(buffer, scratch, idHigh, idLow, timestamp, category, eventType, level, source, payload,
                payloadSize, payloadType, metadata)) < 0) {
            buffer = new byte[buffer.length * 2];
        }
        if (buffer.length <= KEPT_BUFFER) {
            scratch.buffer = buffer;
        }
        return new Encoded(buffer, at);
    }

    // The encoded length, or -1 when the buffer is too small. Strings take at most 3 bytes a char.
    private int encodeInto(byte[] buffer, EnvelopeScratch scratch, long idHigh, long idLow, long timestamp, Category category,
            String eventType, Level level, String source, Message payload, int payloadSize, String payloadType,
            Map<String, String> metadata) {
        if (buffer.length < 64 + 3 * (length(eventType) + length(source) + payloadType.length())) {
            return -1;
        }
        int at = 0;
        buffer[at++] = 1 << 3 | 2;
        buffer[at++] = 36;
        at = uuid(buffer, at, idHigh, idLow);
        at = name(buffer, at, 2, eventType);
        at = varintField(buffer, at, 3, level.wireValue().getNumber());
        at = varintField(buffer, at, 4, category.wireValue().getNumber());
        at = name(buffer, at, 5, source);
        at = varintField(buffer, at, 6, timestamp);
        if (payloadSize > 0) {
            if (buffer.length - at < 16 + payloadSize) {
                return -1;
            }
            buffer[at++] = 7 << 3 | 2;
            at = Varints.put(buffer, at, payloadSize);
            scratch.writePayload(payload, payloadSize, buffer, at);
            at += payloadSize;
        }
        if (metadata != null && (at = metadata(buffer, at, metadata)) < 0) {
            return -1;
        }
        if (buffer.length - at < 16 + 3 * payloadType.length()) {
            return -1;
        }
        return name(buffer, at, 9, payloadType);
    }

    // A loop of its own, small enough for the compiler to inline the map's iterator and drop the
    // entry objects it makes; -1 when the buffer is too small.
    private int metadata(byte[] buffer, int at, Map<String, String> metadata) {
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (buffer.length - at < 20 + 3 * (key.length() + value.length())) {
                return -1;
            }
            at = entry(buffer, at, key, value);
        }
        return at;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    // A metadata entry as protobuf writes a map entry: key (1) and value (2), both always present.
    private int entry(byte[] buffer, int at, String key, String value) {
        int start = at;
        buffer[at++] = 8 << 3 | 2;
        // The entry's length is rarely over 127; when it is, the entry is moved up by a byte or two.
        int lengthAt = at++;
        // Keys are short: copying one costs less than looking it up.
        at = string(buffer, at, 1, key, true);
        at = string(buffer, at, 2, value, true);
        int entryLength = at - lengthAt - 1;
        int lengthSize = Varints.size(entryLength);
        if (lengthSize > 1) {
            System.arraycopy(buffer, lengthAt + 1, buffer, lengthAt + lengthSize, entryLength);
        }
        Varints.put(buffer, lengthAt, entryLength);
        return start + 1 + lengthSize + entryLength;
    }

    // A string field whose value repeats: its encoding, tag included, comes from the cache.
    private int name(byte[] buffer, int at, int field, String text) {
        if (text == null || text.isEmpty()) {
            return at;
        }
        byte[] encoded = remembered(field, text);
        System.arraycopy(encoded, 0, buffer, at, encoded.length);
        return at + encoded.length;
    }

    private byte[] remembered(int field, String text) {
        Map<String, byte[]> known = names.get(field);
        byte[] encoded = known.get(text);
        if (encoded == null) {
            byte[] scratch = new byte[16 + 3 * text.length()];
            encoded = Arrays.copyOf(scratch, string(scratch, 0, field, text, true));
            if (known.size() < MAX_REMEMBERED) {
                known.put(text, encoded);
            }
        }
        return encoded;
    }

    // UTF-8 as protobuf writes it (an unpaired surrogate becomes '?', as String.getBytes does);
    // printable ASCII, nearly all of it, is copied in one pass. A control character anywhere stops
    // the encoding: the pass doubles as the printable check of EventChecks. Proto3 leaves an empty
    // string out unless always.
    private static int string(byte[] buffer, int at, int field, String text, boolean always) {
        int chars = text.length();
        if (chars == 0 && !always) {
            return at;
        }
        buffer[at++] = (byte) (field << 3 | 2);
        if (chars < 128) {
            int start = at + 1;
            int i = 0;
            for (; i < chars; i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c >= 0x7F) {
                    break;
                }
                buffer[start + i] = (byte) c;
            }
            if (i == chars) {
                buffer[at] = (byte) chars;
                return start + chars;
            }
        }
        for (int i = 0; i < chars; i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw ControlCharacter.INSTANCE;
            }
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        at = Varints.put(buffer, at, utf8.length);
        System.arraycopy(utf8, 0, buffer, at, utf8.length);
        return at + utf8.length;
    }

    private static int varintField(byte[] buffer, int at, int field, long value) {
        if (value == 0) {
            return at;
        }
        buffer[at++] = (byte) (field << 3);
        return Varints.put(buffer, at, value);
    }

    // The canonical 8-4-4-4-12 lower-case form, as UUID.toString() gives, without the UUID or the String.
    private static int uuid(byte[] buffer, int at, long high, long low) {
        at = hex(buffer, at, high >>> 32, 8);
        buffer[at++] = '-';
        at = hex(buffer, at, high >>> 16, 4);
        buffer[at++] = '-';
        at = hex(buffer, at, high, 4);
        buffer[at++] = '-';
        at = hex(buffer, at, low >>> 48, 4);
        buffer[at++] = '-';
        return hex(buffer, at, low, 12);
    }

    private static int hex(byte[] buffer, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            buffer[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        return at + digits;
    }
}
