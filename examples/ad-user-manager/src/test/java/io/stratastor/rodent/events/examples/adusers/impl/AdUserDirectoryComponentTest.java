package io.stratastor.rodent.events.examples.adusers.impl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.Meta;
import io.stratastor.rodent.events.api.identity.IdentityEvents;
import io.stratastor.rodent.events.testing.EventCapture;
import org.junit.jupiter.api.Test;

/** The module's own test, written as any migrated module's would be, with rodent-events-testing. */
class AdUserDirectoryComponentTest {
    private final EventCapture capture = EventCapture.standalone();
    private final AdUserDirectoryComponent directory = new AdUserDirectoryComponent();

    @Test
    void creatingAUserEmitsIdentityUserCreated() {
        directory.bindIdentityEvents(capture.emitter(IdentityEvents.class));

        directory.createUser("alice", "Alice Liddell", "corp.example");

        capture.assertEmitted(EventTypes.IDENTITY_USER_CREATED)
                .hasCategory(Category.IDENTITY)
                .hasLevel(Level.INFO)
                .hasSource("ad-user-manager")
                .hasMetadata(Meta.USER, "alice")
                .hasMetadata(Meta.ACTION, "create")
                .hasPayloadField("username", "alice")
                .hasPayloadField("domain", "corp.example")
                .hasPayloadField("enabled", true);
    }

    @Test
    void disablingAUserEmitsIdentityUserDisabled() {
        directory.bindIdentityEvents(capture.emitter(IdentityEvents.class));
        directory.createUser("bob", "Bob", "corp.example");

        directory.disableUser("bob");

        assertFalse(directory.isEnabled("bob"));
        capture.assertEmitted(EventTypes.IDENTITY_USER_DISABLED).hasPayloadField("enabled", false).hasMetadata(Meta.ACTION, "disable");
    }

    @Test
    void theModuleWorksWithoutTheIdentityEmitterAndEmitsOnceItArrives() {
        directory.createUser("carol", "Carol", "corp.example");
        assertTrue(directory.isEnabled("carol"));

        directory.bindIdentityEvents(capture.emitter(IdentityEvents.class));
        directory.disableUser("carol");

        capture.assertNotEmitted(EventTypes.IDENTITY_USER_CREATED);
        capture.assertCount(EventTypes.IDENTITY_USER_DISABLED, 1);
    }
}
