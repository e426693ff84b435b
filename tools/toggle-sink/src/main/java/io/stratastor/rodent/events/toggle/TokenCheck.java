package io.stratastor.rodent.events.toggle;

import java.util.Optional;

/** Decides whether a bearer token may call the sink; implementations are immutable and thread-safe. */
interface TokenCheck {

    /**
     * Checks a token taken from {@code authorization: Bearer <token>}.
     *
     * @return empty when the token is accepted, else a short reason that never quotes the token
     */
    Optional<String> refusal(String token);

    /** How the check is described in logs and on the console; never the secret. */
    String description();
}
