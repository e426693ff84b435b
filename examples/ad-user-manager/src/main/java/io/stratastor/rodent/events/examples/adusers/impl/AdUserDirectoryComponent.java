package io.stratastor.rodent.events.examples.adusers.impl;

import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.Meta;
import io.stratastor.rodent.events.api.identity.IdentityEvents;
import io.stratastor.rodent.events.examples.adusers.AdUserDirectory;
import io.stratastor.rodent.events.proto.events.IdentityUserPayload;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The AD user manager, migrated: each change emits a typed identity event. The identity emitter
 * is an optional, dynamic, greedy reference, so the module runs whether or not the identity
 * category bundle is installed, and starts emitting the moment it arrives — no restart, no
 * dependency of the module's own function on the event system. Thread-safe.
 */
@Component(service = AdUserDirectory.class)
public final class AdUserDirectoryComponent implements AdUserDirectory {
    static final String SOURCE = "ad-user-manager";

    private final Map<String, IdentityUserPayload> users = new ConcurrentHashMap<>();
    private volatile IdentityEvents identityEvents;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindIdentityEvents(IdentityEvents events) {
        identityEvents = events;
    }

    void unbindIdentityEvents(IdentityEvents events) {
        if (identityEvents == events) {
            identityEvents = null;
        }
    }

    @Override
    public void createUser(String username, String displayName, String domain) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        IdentityUserPayload user = IdentityUserPayload.newBuilder()
                .setUsername(username).setDisplayName(displayName).setDomain(domain).setEnabled(true).build();
        if (users.putIfAbsent(username, user) != null) {
            throw new IllegalArgumentException("user " + username + " already exists");
        }
        emit(EventTypes.IDENTITY_USER_CREATED, user, "create");
    }

    @Override
    public void disableUser(String username) {
        IdentityUserPayload user = users.computeIfPresent(username, (name, current) -> current.toBuilder().setEnabled(false).build());
        if (user == null) {
            throw new IllegalArgumentException("no user " + username);
        }
        emit(EventTypes.IDENTITY_USER_DISABLED, user, "disable");
    }

    @Override
    public boolean isEnabled(String username) {
        IdentityUserPayload user = users.get(username);
        return user != null && user.getEnabled();
    }

    // Read the volatile once: the emitter may leave between a check and a call.
    private void emit(String eventType, IdentityUserPayload user, String action) {
        IdentityEvents events = identityEvents;
        if (events != null) {
            events.emitUser(SOURCE, eventType, Level.INFO, user, Meta.builder()
                    .put(Meta.USER, user.getUsername())
                    .put(Meta.DOMAIN, user.getDomain())
                    .put(Meta.ACTION, action)
                    .build());
        }
    }
}
