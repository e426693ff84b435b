package io.stratastor.rodent.events.identity.impl;

import io.stratastor.rodent.events.api.identity.IdentityEvents;
import io.stratastor.rodent.events.api.spi.EmitterFactory;

/** The IdentityEvents component outside OSGi, for plain JUnit tests; listed in META-INF/services. */
public final class IdentityEmitterFactory extends EmitterFactory<IdentityEvents> {
    public IdentityEmitterFactory() {
        super(IdentityEvents.class, IdentityEventsComponent::new);
    }
}
