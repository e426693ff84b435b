package io.stratastor.rodent.events.security.impl;

import io.stratastor.rodent.events.api.security.SecurityEvents;
import io.stratastor.rodent.events.api.spi.EmitterFactory;

/** The SecurityEvents component outside OSGi, for plain JUnit tests; listed in META-INF/services. */
public final class SecurityEmitterFactory extends EmitterFactory<SecurityEvents> {
    public SecurityEmitterFactory() {
        super(SecurityEvents.class, SecurityEventsComponent::new);
    }
}
