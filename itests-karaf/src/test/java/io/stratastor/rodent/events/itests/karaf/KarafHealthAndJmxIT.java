package io.stratastor.rodent.events.itests.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.stratastor.rodent.events.api.EventSystem;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.inject.Inject;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * {@code rodent-events-jmx} and {@code rodent-events-health} in a real Apache Karaf 4.4.10: the
 * pipeline's MBean through Karaf's own JMX connector (JAAS user, JMX ACLs), and the health checks
 * through {@code hc:exec} and {@code events:stats} in Karaf's shell. Probe side but for {@link #configure()}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafHealthAndJmxIT {
    private static final String USER = "rodent";
    private static final String PASSWORD = "itest-jmx-password";
    private static final String MANAGEMENT_CFG = "etc/org.apache.karaf.management.cfg";

    @Inject private EventSystem eventSystem;
    @Inject private SessionFactory sessions;

    @Configuration
    public Option[] configure() {
        String registry = String.valueOf(freePort());
        String server = String.valueOf(freePort());
        return new Option[] {
            KarafNode.withFeatures(Map.of(), "rodent-events", "rodent-events-jmx", "rodent-events-health"),
            // Ports of this test's own, and a user with the admin role that Karaf's JMX ACLs ask for operations.
            editConfigurationFilePut(MANAGEMENT_CFG, "rmiRegistryPort", registry),
            editConfigurationFilePut(MANAGEMENT_CFG, "rmiServerPort", server),
            editConfigurationFilePut("etc/users.properties", USER, PASSWORD + ",admin,viewer")};
    }

    @Test
    public void theMBeanIsServedByKarafsJmxConnector() throws Exception {
        // The ports as Karaf read them (Pax Exam may call configure() more than once).
        Properties management = new Properties();
        try (Reader cfg = Files.newBufferedReader(Path.of(System.getProperty("karaf.etc"), "org.apache.karaf.management.cfg"))) {
            management.load(cfg);
        }
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + management.getProperty("rmiServerPort")
                + "/jndi/rmi://127.0.0.1:" + management.getProperty("rmiRegistryPort") + "/karaf-" + System.getProperty("karaf.name"));
        try (JMXConnector connector = connect(url)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName pipeline = new ObjectName("io.stratastor.rodent.events:type=Pipeline");

            assertEquals(eventSystem.snapshot().shipping().toggleState(), server.getAttribute(pipeline, "ToggleState"));
            assertEquals(false, server.getAttribute(pipeline, "TokenSet"));
            assertEquals(Boolean.class, server.invoke(pipeline, "flush", new Object[] {1L}, new String[] {long.class.getName()}).getClass());
            try {
                server.invoke(pipeline, "resendDeadLetter", new Object[] {"no-such-batch"}, new String[] {String.class.getName()});
                throw new AssertionError("an unknown batch id is refused");
            } catch (RuntimeMBeanException e) {
                assertTrue("the error names the id: " + e.getCause(), String.valueOf(e.getCause().getMessage()).contains("no-such-batch"));
            }
        }
    }

    @Test
    public void theHealthChecksRunInKarafsShell() throws Exception {
        KarafConsole console = new KarafConsole(sessions);

        String checks = console.run("hc:exec rodent-events");
        assertTrue(checks, checks.contains("Rodent Events: Toggle") && checks.contains("Rodent Events: spool")
                && checks.contains("no Toggle address is configured"));
        String health = console.stats().get("health");
        assertTrue("events:stats health: " + health, health.startsWith("WARN — toggle: no Toggle address is configured"));
    }

    // Karaf's management bundle starts its connector on its own; poll, with a deadline, until it accepts.
    private static JMXConnector connect(JMXServiceURL url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[] {USER, PASSWORD}));
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Karaf's JMX connector at " + url + " does not accept: " + e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
