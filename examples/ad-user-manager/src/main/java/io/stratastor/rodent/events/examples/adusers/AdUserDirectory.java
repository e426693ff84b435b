package io.stratastor.rodent.events.examples.adusers;

import org.osgi.annotation.versioning.ProviderType;

/** Manages the node's AD users (the example keeps them in memory). Thread-safe. */
@ProviderType
public interface AdUserDirectory {

    /**
     * Creates a user.
     *
     * @throws IllegalArgumentException when the username is blank or already taken
     */
    void createUser(String username, String displayName, String domain);

    /**
     * Disables a user.
     *
     * @throws IllegalArgumentException when there is no such user
     */
    void disableUser(String username);

    /** Whether the user exists and is enabled. */
    boolean isEnabled(String username);
}
