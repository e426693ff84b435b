package io.stratastor.rodent.events.core.impl.shipping;

import java.util.Locale;

/** What the shipper knows of Toggle, as shown in the stats. */
public enum ToggleState {
    /** No Toggle address configured: events are kept. */
    NOT_CONFIGURED,
    /** Configured; nothing sent yet. */
    CONNECTING,
    /** The last send was answered. */
    CONNECTED,
    /** The last send failed transiently; retrying with backoff. */
    UNAVAILABLE,
    /** Toggle refused the token; nothing is sent until the token changes. */
    AUTH_FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
