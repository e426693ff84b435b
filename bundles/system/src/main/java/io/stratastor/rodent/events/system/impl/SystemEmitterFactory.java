package io.stratastor.rodent.events.system.impl;

import io.stratastor.rodent.events.api.system.SystemEvents;
import io.stratastor.rodent.events.api.spi.EmitterFactory;

/** The SystemEvents component outside OSGi, for plain JUnit tests; listed in META-INF/services. */
public final class SystemEmitterFactory extends EmitterFactory<SystemEvents> {
    public SystemEmitterFactory() {
        super(SystemEvents.class, SystemEventsComponent::new);
    }
}
