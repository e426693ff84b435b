package io.stratastor.rodent.events.network.impl;

import io.stratastor.rodent.events.api.network.NetworkEvents;
import io.stratastor.rodent.events.api.spi.EmitterFactory;

/** The NetworkEvents component outside OSGi, for plain JUnit tests; listed in META-INF/services. */
public final class NetworkEmitterFactory extends EmitterFactory<NetworkEvents> {
    public NetworkEmitterFactory() {
        super(NetworkEvents.class, NetworkEventsComponent::new);
    }
}
