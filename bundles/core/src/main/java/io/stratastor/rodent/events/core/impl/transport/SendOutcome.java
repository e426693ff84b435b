package io.stratastor.rodent.events.core.impl.transport;

/** What Toggle's answer to one batch means for the batch (docs/WIRE.md, delivery). */
public enum SendOutcome {
    /** {@code success = true}: Toggle has the batch; forget it. */
    DELIVERED,
    /** {@code success = false}: Toggle refuses the content for good; dead-letter it, never resend. */
    REJECTED,
    /** Unavailable, deadline, no connection or another transient status: send the same batch again later. */
    RETRY,
    /** {@code UNAUTHENTICATED} or {@code PERMISSION_DENIED}: keep everything, send nothing until the token changes. */
    AUTH_BLOCKED
}
