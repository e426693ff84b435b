package io.stratastor.rodent.events.usage.impl;

import io.stratastor.rodent.events.api.usage.UsageEvents;
import io.stratastor.rodent.events.api.spi.EmitterFactory;

/** The UsageEvents component outside OSGi, for plain JUnit tests; listed in META-INF/services. */
public final class UsageEmitterFactory extends EmitterFactory<UsageEvents> {
    public UsageEmitterFactory() {
        super(UsageEvents.class, UsageEventsComponent::new);
    }
}
