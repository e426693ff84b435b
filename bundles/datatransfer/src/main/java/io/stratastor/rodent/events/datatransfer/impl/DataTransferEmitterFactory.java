package io.stratastor.rodent.events.datatransfer.impl;

import io.stratastor.rodent.events.api.datatransfer.DataTransferEvents;
import io.stratastor.rodent.events.api.spi.EmitterFactory;

/** The DataTransferEvents component outside OSGi, for plain JUnit tests; listed in META-INF/services. */
public final class DataTransferEmitterFactory extends EmitterFactory<DataTransferEvents> {
    public DataTransferEmitterFactory() {
        super(DataTransferEvents.class, DataTransferEventsComponent::new);
    }
}
