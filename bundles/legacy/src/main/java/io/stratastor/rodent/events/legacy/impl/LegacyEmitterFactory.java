package io.stratastor.rodent.events.legacy.impl;

import io.stratastor.rodent.events.api.legacy.LegacyEventEmitter;
import io.stratastor.rodent.events.api.spi.EmitterFactory;

/** The LegacyEventEmitter component outside OSGi, for plain JUnit tests; listed in META-INF/services. */
public final class LegacyEmitterFactory extends EmitterFactory<LegacyEventEmitter> {
    public LegacyEmitterFactory() {
        super(LegacyEventEmitter.class, LegacyEventEmitterComponent::new);
    }
}
