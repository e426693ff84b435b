package io.stratastor.rodent.events.shell.impl;

import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.DeadLetter;
import io.stratastor.rodent.events.api.DeadLetterQueue;
import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.EventTypeDefinition;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.metatype.MetaTypeService;

/**
 * The {@code events:*} commands wired by hand to the services given, for a shell other than Gogo's
 * service registry: the Karaf-native commands (bundle {@code shell-karaf}, which holds this package
 * privately) run the same logic through these, one command object per call. A service given as null
 * makes the command say what is missing, as the DS component does while its optional reference is
 * unbound. Also the values those commands take, for completion. Stateless and thread-safe.
 */
public final class ShellCommands {
    private ShellCommands() {
    }

    public static StatsCommand stats(EventSystem system) {
        return bound(new StatsCommand(), system, StatsCommand::setEventSystem);
    }

    /**
     * {@code events:stats} with its health line: Felix Health Checks' executor looked up in {@code context}
     * by name, so that neither the caller nor this class loads its types while it is not installed.
     */
    public static StatsCommand stats(EventSystem system, BundleContext context) {
        StatsCommand command = stats(system);
        ServiceReference<?> executor = context.getServiceReference(StatsCommand.HEALTH_CHECK_EXECUTOR);
        if (executor != null) {
            command.setHealthCheckExecutor(new LookedUpService(context, executor));
        }
        return command;
    }

    // The executor found by name, as DS would hand it to the Gogo command.
    private record LookedUpService(BundleContext context, ServiceReference<?> reference) implements ComponentServiceObjects<Object> {
        @Override
        public Object getService() {
            return context.getService(reference);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public void ungetService(Object service) {
            context.ungetService((ServiceReference) reference);
        }

        @Override
        @SuppressWarnings("unchecked")
        public ServiceReference<Object> getServiceReference() {
            return (ServiceReference<Object>) reference;
        }
    }

    public static SpoolCommand spool(EventSystem system) {
        return bound(new SpoolCommand(), system, SpoolCommand::setEventSystem);
    }

    public static UnmigratedCommand unmigrated(EventSystem system) {
        return bound(new UnmigratedCommand(), system, UnmigratedCommand::setEventSystem);
    }

    public static FlushCommand flush(EventSystem system) {
        return bound(new FlushCommand(), system, FlushCommand::setEventSystem);
    }

    public static DlqCommand dlq(DeadLetterQueue deadLetters) {
        return bound(new DlqCommand(), deadLetters, DlqCommand::setDeadLetterQueue);
    }

    /** {@code events:emit} through {@code emitters}, the category emitters registered now. */
    public static EmitCommand emit(List<CategoryEmitter> emitters) {
        EmitCommand command = new EmitCommand();
        emitters.forEach(command::addEmitter);
        return command;
    }

    /** {@code events:config}; {@code context} finds the bundle whose metatype describes PID {@code rodent.events}. */
    public static ConfigCommand config(BundleContext context, ConfigurationAdmin admin,
            MetaTypeService metaTypes, EventSystem system) {
        ConfigCommand command = bound(new ConfigCommand(context), admin, ConfigCommand::setConfigurationAdmin);
        return bound(bound(command, metaTypes, ConfigCommand::setMetaTypeService), system, ConfigCommand::setEventSystem);
    }

    /** Every event type of the catalogue, dotted ({@code storage.pool.created}), in the catalogue's order. */
    public static List<String> eventTypes() {
        return EventCatalog.fromSchema().types().stream().map(EventTypeDefinition::eventType).toList();
    }

    /** The keys of PID {@code rodent.events} its metatype declares, in its order; empty without a metatype. */
    public static List<String> configKeys(BundleContext context, MetaTypeService metaTypes) {
        return schema(context, metaTypes).map(schema -> List.copyOf(schema.attributes().keySet())).orElse(List.of());
    }

    /**
     * The values {@code key} of PID {@code rodent.events} takes, where they are few: its metatype options
     * ({@code toggle.schema}: 2025-09, 2025-12), or true and false; empty for any other key.
     */
    public static List<String> configValues(BundleContext context, MetaTypeService metaTypes, String key) {
        return schema(context, metaTypes).flatMap(schema -> schema.attribute(key)).map(attribute -> attribute.kind()
                == ConfigSchema.Kind.BOOLEAN ? List.of("true", "false") : attribute.options()).orElse(List.of());
    }

    /** The batch ids of the dead letters kept now, oldest first; empty while the core is not running. */
    public static List<String> deadLetterIds(DeadLetterQueue deadLetters) {
        return deadLetters == null ? List.of() : deadLetters.list().stream().map(DeadLetter::batchId).toList();
    }

    // As DS binds an optional reference: only when there is a service.
    private static <C, S> C bound(C command, S service, BiConsumer<C, S> bind) {
        if (service != null) {
            bind.accept(command, service);
        }
        return command;
    }

    private static Optional<ConfigSchema> schema(BundleContext context, MetaTypeService metaTypes) {
        return ConfigSchema.find(metaTypes, context.getBundles(), ConfigCommand.PID);
    }
}
