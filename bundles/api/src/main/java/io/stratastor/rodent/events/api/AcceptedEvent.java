package io.stratastor.rodent.events.api;

import io.stratastor.rodent.events.proto.Event;
import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An event the pipeline has just accepted, as an {@link EncodedEventTap} sees it: the envelope's
 * bytes as stored, and the envelope itself parsed only if asked for. Valid only during the
 * {@link EncodedEventTap#onAccepted} call; keep a copy of the bytes, not this view.
 *
 * @since 1.2
 */
@ProviderType
public interface AcceptedEvent {

    /** The envelope's protobuf encoding (an {@link Event}), read-only, positioned at its start. */
    ByteBuffer encoded();

    /** The length of {@link #encoded()} in bytes. */
    int encodedLength();

    /** Copies {@link #encoded()} into {@code target} from {@code offset}, without making a buffer view. */
    void copyEncoded(byte[] target, int offset);

    /** The envelope, parsed on the first call (on the calling thread) and remembered. */
    Event event();

    Category category();

    Level level();

    String eventType();
}
