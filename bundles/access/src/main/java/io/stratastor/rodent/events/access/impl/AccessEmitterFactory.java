package io.stratastor.rodent.events.access.impl;

import io.stratastor.rodent.events.api.access.AccessEvents;
import io.stratastor.rodent.events.api.spi.EmitterFactory;

/** The AccessEvents component outside OSGi, for plain JUnit tests; listed in META-INF/services. */
public final class AccessEmitterFactory extends EmitterFactory<AccessEvents> {
    public AccessEmitterFactory() {
        super(AccessEvents.class, AccessEventsComponent::new);
    }
}
