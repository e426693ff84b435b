package io.stratastor.rodent.events.core.impl;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.SystemConfigChangePayload;
import io.stratastor.rodent.events.proto.events.SystemStartupPayload;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events the node emits about itself, as upstream Rodent does: {@code system.startup} once the
 * core is up, {@code system.shutdown} on a graceful stop, {@code system.config.changed} when its
 * configuration changes — the changed keys, never a value. Source {@value #SOURCE}, upstream's;
 * each carries {@code metadata[}{@value #EMITTED_BY}{@code ] = }{@value #CORE} so that a consumer can
 * tell them from a module's events of the same types. A refusal (the spool full) is logged, never
 * thrown: the node's own bookkeeping must not stop it. Thread-safe.
 */
final class NodeEvents {
    static final String SOURCE = "system";
    static final String EMITTED_BY = "emitted_by";
    static final String CORE = "rodent-events-core";
    private static final Logger LOG = LoggerFactory.getLogger(NodeEvents.class);
    // Set by the framework or Config Admin, not by an operator: no part of "what changed".
    private static final Set<String> BOOKKEEPING = Set.of("service.pid", "service.factoryPid", "service.bundleLocation",
            "component.name", "component.id", "felix.fileinstall.filename", ":org.apache.felix.configadmin.revision:");

    /** Where the events go: the pipeline's typed path. */
    @FunctionalInterface
    interface Publisher {
        void publish(Category category, String eventType, Level level, String source, com.google.protobuf.Message payload,
                Map<String, String> metadata);
    }

    private final Publisher publisher;
    private final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();

    NodeEvents(Publisher publisher) {
        this.publisher = publisher;
    }

    /** The node's own events handed to the pipeline (a filtered or full-spool refusal included). */
    long accepted() {
        return accepted.get();
    }

    void startup(String version, long bootTimeSeconds, String hostname, Collection<String> servicesStarted) {
        publish(EventTypes.SYSTEM_STARTUP, SystemStartupPayload.newBuilder().setVersion(version).setBootTimeSeconds(bootTimeSeconds)
                .setHostname(hostname).addAllServicesStarted(servicesStarted).build(), Map.of());
    }

    void shutdown(String reason) {
        publish(EventTypes.SYSTEM_SHUTDOWN, null, Map.of("reason", reason));
    }

    /**
     * Emits {@code system.config.changed} naming the keys whose values differ between the two
     * configurations; nothing when none does.
     */
    void configChanged(String pid, Map<String, ?> before, Map<String, ?> after) {
        Set<String> changed = new TreeSet<>();
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!BOOKKEEPING.contains(key) && !Objects.deepEquals(normal(before.get(key)), normal(after.get(key)))) {
                changed.add(key);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        publish(EventTypes.SYSTEM_CONFIG_CHANGED, SystemConfigChangePayload.newBuilder().setConfigFile(pid).setChangedBy("config-admin")
                .setChangeType("updated").addAllAffectedComponents(changed).build(), Map.of());
    }

    // Config Admin hands arrays and lists, numbers as strings or numbers: compare what they say.
    private static Object normal(Object value) {
        if (value instanceof Object[] array) {
            return java.util.Arrays.asList(array);
        }
        return value == null ? null : value instanceof Collection<?> ? value : String.valueOf(value);
    }

    private void publish(String type, com.google.protobuf.Message payload, Map<String, String> metadata) {
        Map<String, String> marked = new java.util.LinkedHashMap<>(metadata);
        marked.put(EMITTED_BY, CORE);
        try {
            publisher.publish(Category.SYSTEM, type, Level.INFO, SOURCE, payload, marked);
            accepted.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.warn("The node's own event {} was not taken: {}", type, e.getMessage());
        }
    }
}
