package io.stratastor.rodent.events.api.spi;

import java.util.Objects;
import java.util.function.Function;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes a category bundle's typed emitter without OSGi, for a module's plain JUnit tests
 * ({@code EventCapture.standalone()} in {@code bundles/testing}). Each category bundle extends it
 * once, naming its emitter interface and its component's constructor, and lists the subclass in
 * {@code META-INF/services/io.stratastor.rodent.events.api.spi.EmitterFactory}, where
 * {@link java.util.ServiceLoader} finds it on the class path. Inside OSGi the emitters are
 * components and nothing reads this. Immutable.
 *
 * @param <T> the typed emitter interface, e.g. {@code StorageEvents}
 */
@ConsumerType
public abstract class EmitterFactory<T> {
    private final Class<T> emitterType;
    private final Function<EventPublisher, ? extends T> constructor;

    /**
     * @param emitterType the typed emitter interface, e.g. {@code StorageEvents.class}
     * @param constructor the category's component, made with the publisher it hands its events to
     */
    protected EmitterFactory(Class<T> emitterType, Function<EventPublisher, ? extends T> constructor) {
        this.emitterType = Objects.requireNonNull(emitterType, "emitterType");
        this.constructor = Objects.requireNonNull(constructor, "constructor");
    }

    /** The typed emitter interface this factory makes, e.g. {@code StorageEvents.class}. */
    public final Class<T> emitterType() {
        return emitterType;
    }

    /** A new emitter, the category bundle's own component, handing its events to {@code publisher}. */
    public final T newEmitter(EventPublisher publisher) {
        return constructor.apply(Objects.requireNonNull(publisher, "publisher"));
    }
}
