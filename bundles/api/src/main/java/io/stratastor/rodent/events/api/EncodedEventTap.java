package io.stratastor.rodent.events.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A local listener on the node's event stream that takes each accepted event as its stored bytes:
 * register one as an OSGi service and the core hands it every event it accepts, on the emitting
 * thread, without parsing it there. For taps that keep events for later (the shell's tail) and
 * parse only what they show; an {@link EventTap} is simpler when each event is read at once.
 * The same rules as {@link EventTap}: return quickly, do not throw (a failure is counted), be
 * thread-safe.
 *
 * @since 1.2
 */
@ConsumerType
public interface EncodedEventTap {

    /** Called once for each event accepted into the pipeline (after filtering). */
    void onAccepted(AcceptedEvent event);
}
