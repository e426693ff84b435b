package io.stratastor.rodent.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.proto.events.StorageDatasetPayload;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import javax.inject.Inject;
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

/**
 * Bad values written to PID rodent.events as a .cfg writes them (strings), through the real SCR and
 * Config Admin: a word SCR cannot coerce to a number and an out-of-range count are refused naming
 * the key while the node keeps its settings and takes events; a configuration refused at start
 * runs the core on the defaults, with the refusal in the stats.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BadConfigurationIT {
    private static final String SECRET = "itest-bad-config-token";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    private BundleContext context;
    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] configure() {
        return new Option[] {NodeOptions.node()};
    }

    private void write(String... keysAndValues) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        configAdmin.getConfiguration(NodeConfig.PID, "?").update(properties);
    }

    // The core's service of the moment: it is registered anew when the core bundle restarts.
    private Map<String, Object> stats() {
        ServiceReference<EventSystem> reference = context.getServiceReference(EventSystem.class);
        if (reference == null) {
            return Map.of();
        }
        EventSystem system = context.getService(reference);
        try {
            return system == null ? Map.of() : system.stats();
        } finally {
            context.ungetService(reference);
        }
    }

    // Through the storage emitter of the moment, which DS makes anew on the new core.
    private void emit() {
        ServiceReference<StorageEvents> reference = context.getServiceReference(StorageEvents.class);
        StorageEvents storage = context.getService(reference);
        try {
            storage.emitDataset(EventTypes.STORAGE_DATASET_CREATED, Level.INFO,
                    StorageDatasetPayload.newBuilder().setDatasetName("tank/home").setPoolName("tank").build(), null);
        } finally {
            context.ungetService(reference);
        }
    }

    @Test
    public void badValuesAreRefusedNamingTheKeyAndTheNodeKeepsItsSettingsAndItsEvents() throws Exception {
        write("batch_size", "7", "toggle.jwt", SECRET);
        Conditions.await("batch_size 7 in force", WAIT, () -> Integer.valueOf(7).equals(stats().get("batch_size")), this::stats);
        long refusedBefore = (Long) stats().get("config_refused");

        write("batch_size", "7", "buffer_size", "abc", "toggle.jwt", SECRET);
        Conditions.await("the word refused", WAIT, () -> (Long) stats().get("config_refused") == refusedBefore + 1, this::stats);
        assertEquals("buffer_size: cannot be read as a whole number; expected a whole number (the value is not shown)",
                stats().get("config_refused_error"));

        write("batch_size", "-3", "toggle.jwt", SECRET);
        Conditions.await("the negative count refused", WAIT, () -> (Long) stats().get("config_refused") == refusedBefore + 2, this::stats);
        assertTrue(String.valueOf(stats().get("config_refused_error")).startsWith("batch_size: -3; expected 1 or more"));
        assertEquals("the settings in force stay", 7, stats().get("batch_size"));

        long emitted = (Long) stats().get("emitted");
        emit();
        assertEquals(emitted + 1, stats().get("emitted"));
        assertFalse("the token is never shown", stats().toString().contains(SECRET));

        write("batch_size", "9");
        Conditions.await("a good configuration applied", WAIT, () -> Integer.valueOf(9).equals(stats().get("batch_size")), this::stats);
        assertEquals("", stats().get("config_refused_error"));
    }

    @Test
    public void aConfigurationRefusedAtStartRunsTheCoreOnTheDefaultsKeepingEvents() throws Exception {
        Bundle core = Arrays.stream(context.getBundles())
                .filter(bundle -> "io.stratastor.rodent.events.core".equals(bundle.getSymbolicName())).findFirst().orElseThrow();
        core.stop();
        write("batch_size", "7", "spool_capacity", "lots", "toggle.jwt", SECRET);
        core.start();

        Conditions.await("the core on the defaults", WAIT, () -> Long.valueOf(1).equals(stats().get("config_refused")), this::stats);
        Map<String, Object> stats = stats();
        assertEquals("spool_capacity: cannot be read as a whole number; expected a whole number (the value is not shown)",
                stats.get("config_refused_error"));
        assertEquals("the default batch size", 100, stats.get("batch_size"));
        assertEquals("no Toggle address: events stay in the spool", "", stats.get("toggle_address"));
        assertFalse(stats.toString().contains(SECRET));
        Conditions.await("the emitter bound to the new core", WAIT, () -> {
            try {
                emit();
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }, this::stats);
        assertTrue("the event is kept: " + stats(), ((Number) stats().get("pending")).longValue() >= 1);
    }
}
