package io.stratastor.rodent.events.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.proto.events.StorageDatasetPayload;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The pipeline's Felix health checks through the Gogo command of Felix Health Checks
 * ({@code hc:exec rodent-events}) and the health row of {@code events:stats}: OK, CRITICAL while
 * Toggle is down, OK again once it is back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HealthChecksIT {
    private static final String TOKEN = "itest-health-token";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern TOGGLE_OK = Pattern.compile("Rodent Events: Toggle\\s+OK");
    private static final Pattern TOGGLE_CRITICAL = Pattern.compile("Rodent Events: Toggle\\s+CRITICAL");

    @Inject
    private StorageEvents storage;
    @Inject
    private EventSystem eventSystem;
    @Inject
    private ConfigurationAdmin configAdmin;
    @Inject
    private CommandProcessor commands;

    @Configuration
    public Option[] configure() {
        ToggleBridge.start(HealthChecksIT.class, TOKEN);
        // Installed before the node, so that the shell's optional imports of Felix Health Checks wire.
        return new Option[] {NodeOptions.jar("bundle.felix.eventadmin"), NodeOptions.jar("bundle.servlet.api"),
            NodeOptions.jar("bundle.servlet.whiteboard"), NodeOptions.jar("bundle.hc.api"), NodeOptions.jar("bundle.hc.core"),
            NodeOptions.node(), NodeOptions.jar("bundle.health")};
    }

    @Test
    public void theToggleCheckFailsWhileToggleIsDownAndRecovers() throws Exception {
        ToggleView toggle = new ToggleView(HealthChecksIT.class);
        NodeConfig.toggle(configAdmin, toggle.address(), TOKEN);
        Conditions.await("the core to take the Toggle address", PATIENCE,
                () -> toggle.address().equals(eventSystem.stats().get("toggle_address")), eventSystem::stats);
        Conditions.await("the Toggle check OK", PATIENCE, () -> TOGGLE_OK.matcher(run("hc:exec rodent-events")).find(),
                () -> run("hc:exec rodent-events"));
        Conditions.await("the health row OK", PATIENCE, () -> healthRow().startsWith("OK (4 checks)"), this::healthRow);

        toggle.down(true);
        emit("tank/down");
        Conditions.await("the Toggle check CRITICAL", PATIENCE, () -> TOGGLE_CRITICAL.matcher(run("hc:exec rodent-events")).find(),
                () -> run("hc:exec rodent-events"));
        String critical = run("hc:exec rodent-events");
        assertTrue(critical, critical.contains("Toggle at " + toggle.address() + " is not reachable"));
        Conditions.await("the health row CRITICAL", PATIENCE,
                () -> healthRow().startsWith("CRITICAL — toggle: Toggle at " + toggle.address() + " is not reachable"), this::healthRow);
        assertFalse("the token never shows", (critical + run("events:stats")).contains(TOKEN));

        toggle.down(false);
        Conditions.await("the Toggle check OK again", PATIENCE, () -> TOGGLE_OK.matcher(run("hc:exec rodent-events")).find(),
                () -> run("hc:exec rodent-events"));
        Conditions.await("the health row OK again", PATIENCE, () -> healthRow().startsWith("OK (4 checks)"), this::healthRow);
        assertTrue("the event held while Toggle was down arrived", toggle.awaitUnique(1, PATIENCE));
    }

    private void emit(String dataset) {
        storage.emitDataset(EventTypes.STORAGE_DATASET_CREATED, Level.INFO,
                StorageDatasetPayload.newBuilder().setDatasetName(dataset).setPoolName("tank").build(), null);
    }

    private String healthRow() {
        for (String line : run("events:stats").split("\\R")) {
            if (line.startsWith("health ")) {
                return line.substring("health".length()).strip();
            }
        }
        return "";
    }

    private String run(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = commands.createSession(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            Object result = session.execute(command);
            return out.toString(StandardCharsets.UTF_8) + (result == null ? "" : String.valueOf(result));
        } catch (Exception e) {
            return out.toString(StandardCharsets.UTF_8) + "failed: " + e;
        } finally {
            session.close();
        }
    }
}
