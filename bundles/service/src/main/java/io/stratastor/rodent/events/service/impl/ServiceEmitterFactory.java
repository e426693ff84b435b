package io.stratastor.rodent.events.service.impl;

import io.stratastor.rodent.events.api.service.ServiceEvents;
import io.stratastor.rodent.events.api.spi.EmitterFactory;

/** The ServiceEvents component outside OSGi, for plain JUnit tests; listed in META-INF/services. */
public final class ServiceEmitterFactory extends EmitterFactory<ServiceEvents> {
    public ServiceEmitterFactory() {
        super(ServiceEvents.class, ServiceEventsComponent::new);
    }
}
