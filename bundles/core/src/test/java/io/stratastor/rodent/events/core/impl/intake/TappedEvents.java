package io.stratastor.rodent.events.core.impl.intake;

import io.stratastor.rodent.events.api.AcceptedEvent;

/** What tests may ask of the intake's view of an accepted event. */
public final class TappedEvents {
    private TappedEvents() {
    }

    /** Whether the view was parsed (by a tap that asked for the event). */
    public static boolean parsed(AcceptedEvent event) {
        return ((TappedEvent) event).isParsed();
    }
}
