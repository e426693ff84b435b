package io.stratastor.rodent.events.api;

import io.stratastor.rodent.events.proto.Event;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A local listener on the node's event stream: register one as an OSGi service and the core
 * hands it every event it accepts, in its envelope, on the emitting thread (the shell's tail and
 * tests use this). Implementations must return quickly and must not throw; an exception is
 * counted and ignored. Must be thread-safe: events arrive from many threads at once.
 */
@ConsumerType
public interface EventTap {

    /** Called once for each event accepted into the pipeline (after filtering). */
    void onEvent(Event event);
}
