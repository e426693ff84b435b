package io.stratastor.rodent.events.itests.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.wire.v2025_09.Event;
import io.stratastor.rodent.events.wire.v2025_09.EventCategory;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The features repository in a real Apache Karaf 4.4.10: {@code rodent-events} installs from it at
 * boot, every component of ours activates, and the {@code events:*} commands work through Karaf's
 * shell, shipping to the reference Toggle once PID {@code rodent.events} is configured.
 *
 * <p>Karaf runs in a JVM of its own; the Toggle runs in this test JVM, started by
 * {@link #configure()} (which Pax Exam calls there, never inside Karaf), and is reached over
 * loopback. Its port and capture file reach the probe as Karaf system properties.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafFeaturesIT {
    private static final String TOKEN = "itest-token-karaf";
    private static final String PORT_PROPERTY = "rodent.itest.toggle.port";
    private static final String CAPTURE_PROPERTY = "rodent.itest.toggle.capture";
    private static final String OUR_BUNDLES = "io.stratastor.rodent.events.";

    @Inject private BundleContext context;
    @Inject private ServiceComponentRuntime scr;
    @Inject private ConfigurationAdmin configAdmin;
    @Inject private EventSystem eventSystem;
    @Inject private SessionFactory sessions;

    @Configuration
    public Option[] configure() {
        Path capture = new File(KarafNode.workDir(), "toggle-capture.bin").toPath().toAbsolutePath();
        int port = ReferenceToggle.start(TOKEN, capture);
        return new Option[] {KarafNode.withRodentEvents(Map.of(PORT_PROPERTY, String.valueOf(port), CAPTURE_PROPERTY, capture.toString()))};
    }

    @Test
    public void everyBundleOfTheFeatureIsActiveAndEveryComponentActivates() throws Exception {
        List<String> bundles = new ArrayList<>();
        List<ServiceReference<?>> held = new ArrayList<>();
        try {
            for (Bundle bundle : context.getBundles()) {
                if (!bundle.getSymbolicName().startsWith(OUR_BUNDLES)) {
                    continue;
                }
                assertEquals(bundle.getSymbolicName() + " state", Bundle.ACTIVE, bundle.getState());
                bundles.add(bundle.getSymbolicName().substring(OUR_BUNDLES.length()));
                // Delayed components activate on first use: use every service our bundles registered.
                for (ServiceReference<?> reference : registeredServices(bundle)) {
                    context.getService(reference);
                    held.add(reference);
                }
            }
            assertEquals(List.of("access", "api", "core", "datatransfer", "identity", "legacy", "network", "proto", "security", "service",
                    "sharing", "shell.karaf", "storage", "system", "usage"), bundles.stream().sorted().toList());
            for (Bundle bundle : context.getBundles()) {
                if (bundle.getSymbolicName().startsWith(OUR_BUNDLES)) {
                    assertComponentsActive(bundle);
                }
            }
        } finally {
            held.forEach(context::ungetService);
        }
    }

    @Test
    public void eventEmittedInKarafsShellReachesToggleOnceConfigured() throws Exception {
        KarafConsole console = new KarafConsole(sessions);
        Map<String, String> before = console.stats();
        assertEquals("stats before configuration: " + before, "true", before.get("initialized"));
        assertEquals("stats before configuration: " + before, "not_configured", before.get("toggle_state"));
        assertEquals("stats before configuration: " + before, "not set", before.get("toggle_token"));
        assertEquals("the feature's configuration puts the spool under Karaf's data",
                Path.of(System.getProperty("karaf.data"), "rodent-events", "spool").toAbsolutePath().normalize(),
                Path.of(before.get("spool_directory")).toAbsolutePath().normalize());

        String address = "127.0.0.1:" + System.getProperty(PORT_PROPERTY);
        configureToggle(address);
        String emitted = console.run("events:emit storage.pool.created --payload '{\"pool_name\":\"tank\"}'");
        assertEquals("emitted 1 storage.pool.created (storage, info)", emitted);

        // Nothing is pending only once Toggle has acknowledged, and it records a batch before it answers.
        assertTrue("flushed to Toggle: " + eventSystem.stats(), eventSystem.flush(30_000));
        // The node's own events (its startup, the configuration change) are counted apart.
        List<Event> all = CapturedEvents.read(Path.of(System.getProperty(CAPTURE_PROPERTY)));
        List<Event> received = all.stream().filter(e -> !"rodent-events-core".equals(e.getMetadataMap().get("emitted_by"))).toList();
        assertEquals("events Toggle received: " + received, 1, received.size());
        assertEquals("the node's own: " + all, Long.parseLong(console.stats().get("node_events")), all.size() - 1);
        Event event = received.get(0);
        assertEquals(EventTypes.STORAGE_POOL_CREATED, event.getEventType());
        assertEquals(EventCategory.EVENT_CATEGORY_STORAGE, event.getCategory());
        // 2025-09: the payload is StoragePoolPayload as Go's json.Marshal writes it.
        assertEquals("{\"pool_name\":\"tank\"}", event.getPayload().toStringUtf8());

        Map<String, String> after = console.stats();
        assertEquals("stats after: " + after, String.valueOf(1 + Long.parseLong(after.get("node_events"))), after.get("sent"));
        assertEquals("stats after: " + after, address, after.get("toggle_address"));
        assertEquals("stats after: " + after, "set", after.get("toggle_token"));
        assertFalse("the shell never shows the token", console.run("events:stats").contains(TOKEN));
    }

    // Karaf-native events:* commands with completion
    @Test
    public void karafCompletesTheOptionsAndValuesOfEveryEventsCommand() throws Exception {
        KarafConsole console = new KarafConsole(sessions);
        assertTrue(console.complete("events:tail --").containsAll(List.of("--lines", "--follow", "--level", "--category", "--type")));
        assertEquals(List.of("error", "essential"), console.complete("events:tail --level e"));
        assertEquals(List.of("data_transfer"), console.complete("events:tail --category data"));
        assertEquals(List.of("storage.pool.created"), console.complete("events:tail --type storage.pool.cr"));
        assertTrue(console.complete("events:emit storage.pool.created --")
                .containsAll(List.of("--level", "--source", "--meta", "--payload", "--count", "--rate")));
        assertEquals(List.of("storage.pool.created"), console.complete("events:emit storage.pool.cr"));
        assertEquals(List.of("critical"), console.complete("events:emit storage.pool.created --level cr"));
        assertEquals(List.of("data_transfer"), console.complete("events:types data"));
        assertTrue(console.complete("events:flush --t").contains("--timeout"));
        assertTrue(console.complete("events:dlq --").containsAll(List.of("--resend", "--resend-all")));
        // The metatype of PID rodent.events, from the core: keys, and the values of an enumerated key.
        assertTrue(console.complete("events:config batch_").containsAll(List.of("batch_size", "batch_timeout")));
        assertTrue(console.complete("events:config --unset toggle.").contains("toggle.address"));
        assertEquals(List.of("2025-09", "2025-12"), console.complete("events:config toggle.schema 2025"));
        for (String command : List.of("stats", "spool", "unmigrated")) {
            assertEquals("events:" + command + " takes no option", List.of(), console.complete("events:" + command + " --")
                    .stream().filter(o -> !o.equals("--help")).toList());
        }
        assertTrue("the native commands run the shell's logic: " + console.run("events:types usage"),
                console.run("events:types usage").contains("usage.quota.warning"));
    }

    /** Adds the Toggle keys to PID rodent.events, keeping what the feature set, as config:property-set would. */
    private void configureToggle(String address) throws Exception {
        org.osgi.service.cm.Configuration configuration = configAdmin.getConfiguration("rodent.events", "?");
        Dictionary<String, Object> properties = configuration.getProperties() == null ? new Hashtable<>() : configuration.getProperties();
        properties.put("toggle.address", address);
        properties.put("toggle.jwt", TOKEN);
        properties.put("batch_timeout", "0.2");
        properties.put("retry_backoff_base", "0.05");
        properties.put("retry_backoff_max", "0.2");
        configuration.update(properties);
    }

    private static List<ServiceReference<?>> registeredServices(Bundle bundle) {
        ServiceReference<?>[] references = bundle.getRegisteredServices();
        return references == null ? List.of() : List.of(references);
    }

    private void assertComponentsActive(Bundle bundle) {
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                String unsatisfied = Stream.of(configuration.unsatisfiedReferences).map(reference -> reference.name)
                        .collect(Collectors.joining(", "));
                assertEquals(description.name + " state (unsatisfied references: [" + unsatisfied + "], failure: "
                        + configuration.failure + ")", ComponentConfigurationDTO.ACTIVE, configuration.state);
            }
        }
    }
}
