package io.stratastor.rodent.events.api;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The state of the event system on this node. Registered by the core bundle; thread-safe.
 */
@ProviderType
public interface EventSystem {

    /** Whether the pipeline has started and accepts events. */
    boolean isInitialized();

    /**
     * A snapshot of the pipeline's counters and settings, keyed by stable snake_case names
     * ({@code initialized}, {@code emitted}, {@code sent}, {@code pending}, {@code toggle_state}, …;
     * docs/IMPLEMENTATION.md lists them). Values are {@link Boolean}, {@link Number} or
     * {@link String}. Never holds a secret.
     */
    Map<String, Object> stats();

    /**
     * Asks the shipper to send what is pending now rather than at the next batch timeout, and
     * waits until nothing is pending or the timeout passes.
     *
     * @param timeoutMillis how long to wait at most, in milliseconds
     * @return true when nothing was pending at return
     */
    boolean flush(long timeoutMillis) throws InterruptedException;

    /**
     * The types outside the catalogue that the backward-compatible API accepted since the core
     * started, one entry per type and source, most frequent first: the modules still to migrate.
     *
     * @since 1.1
     */
    List<UnmigratedType> unmigratedTypes();
}
