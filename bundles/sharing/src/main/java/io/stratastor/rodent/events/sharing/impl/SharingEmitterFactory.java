package io.stratastor.rodent.events.sharing.impl;

import io.stratastor.rodent.events.api.sharing.SharingEvents;
import io.stratastor.rodent.events.api.spi.EmitterFactory;

/** The SharingEvents component outside OSGi, for plain JUnit tests; listed in META-INF/services. */
public final class SharingEmitterFactory extends EmitterFactory<SharingEvents> {
    public SharingEmitterFactory() {
        super(SharingEvents.class, SharingEventsComponent::new);
    }
}
