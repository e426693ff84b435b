package io.stratastor.rodent.events.core.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.DeadLetter;
import io.stratastor.rodent.events.api.DeadLetterQueue;
import io.stratastor.rodent.events.api.EncodedEventTap;
import io.stratastor.rodent.events.api.EventStats;
import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.api.EventTap;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.UnmigratedType;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.core.impl.pipeline.EventPipeline;
import io.stratastor.rodent.events.core.impl.pipeline.FileSafety;
import io.stratastor.rodent.events.core.impl.pipeline.NodePipeline;
import io.stratastor.rodent.events.core.impl.settings.PipelineConfiguration;
import io.stratastor.rodent.events.core.impl.settings.Settings;
import io.stratastor.rodent.events.core.impl.settings.SettingsBuilder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the pipeline and owns its lifecycle; registers it as {@link EventSystem} and
 * {@link EventPublisher}. Reconfiguration: {@link Modified} swaps one immutable {@link Settings}
 * in place, so no event is lost to a configuration change; an invalid configuration is refused
 * with a message naming the key and the previous settings stay in force. Thread-safe.
 */
@Component(
        service = {EventSystem.class, EventPublisher.class, DeadLetterQueue.class},
        immediate = true,
        configurationPid = PipelineConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PipelineConfiguration.class)
public final class EventPipelineComponent implements EventSystem, EventPublisher, DeadLetterQueue {
    private static final Logger LOG = LoggerFactory.getLogger(EventPipelineComponent.class);

    private static final String PROJECT_BUNDLES = "io.stratastor.rodent.events.";

    private final BundleContext context;
    private final NodePipeline node;
    private final EventPipeline pipeline;
    private final NodeEvents nodeEvents;
    private final ConfigurationRefusals refusals = new ConfigurationRefusals();
    private volatile Map<String, Object> properties;
    private volatile FrameworkListener startupListener;
    private final List<EventTap> taps = new CopyOnWriteArrayList<>();
    private final List<EncodedEventTap> encodedTaps = new CopyOnWriteArrayList<>();

    /** Framework property naming the spool directory when the configuration names none (the launcher sets it). */
    static final String SPOOL_DIR_PROPERTY = "rodent.events.spool.dir";

    @Activate
    public EventPipelineComponent(PipelineConfiguration config, BundleContext context, Map<String, Object> properties) {
        Settings settings = startingSettings(config);
        Path spoolDir = spoolDirectory(settings, context);
        this.context = context;
        this.node = NodePipeline.builder(settings, spoolDir).memoryFallback(true).start();
        this.pipeline = node.pipeline();
        this.nodeEvents = new NodeEvents(pipeline::publish);
        this.properties = Map.copyOf(properties);
        announceStartup();
    }

    // Refused at start, the node runs on the defaults rather than not at all: with no Toggle address
    // they keep every event in the spool until a valid configuration arrives.
    private Settings startingSettings(PipelineConfiguration config) {
        try {
            return settingsOf(config);
        } catch (IllegalArgumentException e) {
            refusals.refused(e.getMessage());
            LOG.error("Configuration {} refused at start, the node runs on the defaults and keeps events in the spool"
                    + " until a valid configuration arrives: {}", PipelineConfiguration.PID, e.getMessage());
            return fallback(config);
        }
    }

    // The defaults, but the configured spool directory where it is itself valid: the backlog already
    // there stays the one the node keeps and ships, rather than a second spool in the bundle's data area.
    private static Settings fallback(PipelineConfiguration config) {
        try {
            return new SettingsBuilder().spoolDirectory(config.spool__directory()).build();
        } catch (RuntimeException refusedToo) {
            return new SettingsBuilder().build();
        }
    }

    // Once the framework has started, so that the services started are there to be named.
    private void announceStartup() {
        if (context.getBundle(0).getState() == Bundle.STARTING) {
            startupListener = event -> {
                if (event.getType() == FrameworkEvent.STARTED) {
                    context.removeFrameworkListener(startupListener);
                    startup();
                }
            };
            context.addFrameworkListener(startupListener);
        } else {
            startup();
        }
    }

    private void startup() {
        List<String> started = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name != null && name.startsWith(PROJECT_BUNDLES) && startedOrStarting(bundle)) {
                started.add(name.substring(PROJECT_BUNDLES.length()));
            }
        }
        nodeEvents.startup(context.getBundle().getVersion().toString(),
                ManagementFactory.getRuntimeMXBean().getStartTime() / 1000, hostname(), started);
    }

    // A launcher may start the bundles one by one after the framework: those marked to start count too.
    private static boolean startedOrStarting(Bundle bundle) {
        if ((bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
            return true;
        }
        BundleStartLevel startLevel = bundle.adapt(BundleStartLevel.class);
        return startLevel != null && startLevel.isPersistentlyStarted() && (bundle.getState() & (Bundle.RESOLVED | Bundle.INSTALLED)) != 0;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return String.valueOf(System.getenv().getOrDefault("HOSTNAME", "localhost"));
        }
    }

    static Path spoolDirectory(Settings settings, BundleContext context) {
        if (!settings.spoolDirectory().isEmpty()) {
            return Path.of(settings.spoolDirectory());
        }
        String fromFramework = context.getProperty(SPOOL_DIR_PROPERTY);
        if (fromFramework != null && !fromFramework.isBlank()) {
            return Path.of(fromFramework.trim());
        }
        return context.getDataFile("spool").toPath();
    }

    // Dynamic: taps (the shell's tail, tests) come and go while events flow.
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTap(EventTap tap) {
        taps.add(tap);
        pipeline.taps(taps);
    }

    void removeTap(EventTap tap) {
        taps.remove(tap);
        pipeline.taps(taps);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEncodedTap(EncodedEventTap tap) {
        encodedTaps.add(tap);
        pipeline.encodedTaps(encodedTaps);
    }

    void removeEncodedTap(EncodedEventTap tap) {
        encodedTaps.remove(tap);
        pipeline.encodedTaps(encodedTaps);
    }

    @Modified
    void modified(PipelineConfiguration config, Map<String, Object> newProperties) {
        Settings settings;
        try {
            settings = settingsOf(config);
        } catch (IllegalArgumentException e) {
            refusals.refused(e.getMessage());
            LOG.error("Configuration {} refused, previous settings stay in force: {}", PipelineConfiguration.PID, e.getMessage());
            return;
        }
        pipeline.reconfigure(settings);
        refusals.applied();
        nodeEvents.configChanged(PipelineConfiguration.PID, properties, newProperties);
        properties = Map.copyOf(newProperties);
    }

    // The shutdown event ships with what is pending, within shutdown_timeout; the spool keeps it otherwise.
    @Deactivate
    void deactivate() {
        FrameworkListener listener = startupListener;
        if (listener != null) {
            context.removeFrameworkListener(listener);
        }
        nodeEvents.shutdown(context.getBundle(0).getState() == Bundle.STOPPING ? "the node is stopping" : "the events core is stopping");
        node.close();
    }

    static Settings settingsOf(PipelineConfiguration config) {
        FileSafety.tokenFileWarning(config.toggle_jwt__file()).ifPresent(LOG::warn);
        return SettingsBuilder.of(config).build();
    }

    @Override
    public void publish(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata) {
        pipeline.publish(category, eventType, level, source, payload, metadata);
    }

    @Override
    public void publishLegacy(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata) {
        pipeline.publishLegacy(category, eventType, level, source, payload, metadata);
    }

    @Override
    public List<DeadLetter> list() {
        return node.deadLetters().list();
    }

    @Override
    public int resend(String batchId) {
        return node.resend(batchId);
    }

    @Override
    public int resendAll() {
        return node.resendAll();
    }

    @Override
    public boolean isInitialized() {
        return pipeline.isAccepting();
    }

    @Override
    public Map<String, Object> stats() {
        return refusals.addTo(snapshot().asMap());
    }

    @Override
    public EventStats snapshot() {
        return pipeline.snapshot(OptionalLong.of(nodeEvents.accepted()));
    }

    @Override
    public boolean flush(long timeoutMillis) throws InterruptedException {
        return pipeline.flush(Duration.ofMillis(Math.max(0, timeoutMillis)));
    }

    @Override
    public List<UnmigratedType> unmigratedTypes() {
        return pipeline.unmigratedTypes();
    }
}
