package io.stratastor.rodent.events.storage.impl;

import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.api.spi.EmitterFactory;

/** The StorageEvents component outside OSGi, for plain JUnit tests; listed in META-INF/services. */
public final class StorageEmitterFactory extends EmitterFactory<StorageEvents> {
    public StorageEmitterFactory() {
        super(StorageEvents.class, StorageEventsComponent::new);
    }
}
