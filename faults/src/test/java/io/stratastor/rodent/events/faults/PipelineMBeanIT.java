package io.stratastor.rodent.events.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.stratastor.rodent.events.toggle.ToggleSink;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution started with the JVM's JMX agent on a loopback port, and its pipeline MBean
 * read and driven through a real JMX connector with javax.management types only, as jconsole
 * would: typed attributes, the read-only configuration, a dead letter resent, flush.
 */
class PipelineMBeanIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String TOKEN = "jmx-it-token-5150";

    @TempDir
    Path work;

    @Test
    void theMBeanShowsTheStatsAndConfigurationAndResendsAndFlushes() throws Exception {
        Path home = DistributionCopy.of(work.resolve("node"));
        int jmxPort = freePort();
        try (ToggleSink sink = ToggleSink.builder().port(0).exactToken(TOKEN).build().start()) {
            sink.faults().refuse(true);
            Path config = Files.writeString(work.resolve("rodent.yml"), String.join("\n",
                    "events:", "  batch_timeout: 0.2",
                    "toggle:", "  address: \"127.0.0.1:" + sink.port() + "\"", "  jwt: \"" + TOKEN + "\"", ""));
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/rodent-events").toString(), "--config",
                    config.toString()).redirectErrorStream(true).redirectOutput(work.resolve("node.log").toFile());
            builder.environment().put("JAVA_OPTS", "-Dcom.sun.management.jmxremote.port=" + jmxPort
                    + " -Dcom.sun.management.jmxremote.rmi.port=" + jmxPort + " -Dcom.sun.management.jmxremote.host=127.0.0.1"
                    + " -Djava.rmi.server.hostname=127.0.0.1 -Dcom.sun.management.jmxremote.authenticate=false"
                    + " -Dcom.sun.management.jmxremote.ssl=false");
            Process node = builder.start();
            try (JMXConnector connector = connect(jmxPort)) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                ObjectName pipeline = new ObjectName("io.stratastor.rodent.events:type=Pipeline");
                await().atMost(PATIENCE).until(() -> server.isRegistered(pipeline));

                // The node's own events (its startup), refused by Toggle for good, are kept as dead letters.
                await().atMost(PATIENCE).until(() -> ((String[]) server.getAttribute(pipeline, "DeadLetterBatchIds")).length > 0);
                assertThat(server.getAttribute(pipeline, "Initialized")).isEqualTo(true);
                assertThat((Long) server.getAttribute(pipeline, "DeadLettered")).isPositive();
                assertThat(server.getAttribute(pipeline, "ToggleAddress")).isEqualTo("127.0.0.1:" + sink.port());
                assertThat(server.getAttribute(pipeline, "TokenSet")).isEqualTo(true);
                assertThat(server.getAttribute(pipeline, "SpoolState")).isEqualTo("ok");
                assertThat(column((TabularData) server.getAttribute(pipeline, "DroppedByLevel"))).containsEntry("info", 0L);
                Map<String, Object> configuration = column((TabularData) server.getAttribute(pipeline, "Configuration"));
                assertThat(configuration).containsEntry("toggle.jwt", "set").containsEntry("toggle.address", "127.0.0.1:" + sink.port());
                assertThat(configuration.toString() + column((TabularData) server.getAttribute(pipeline, "Stats"))).doesNotContain(TOKEN);

                assertThatThrownBy(() -> server.invoke(pipeline, "resendDeadLetter", new Object[] {"no-such-batch"},
                        new String[] {String.class.getName()})).isInstanceOf(RuntimeMBeanException.class).cause()
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-batch");
                sink.faults().refuse(false);
                String batchId = ((String[]) server.getAttribute(pipeline, "DeadLetterBatchIds"))[0];
                assertThat((Integer) server.invoke(pipeline, "resendDeadLetter", new Object[] {batchId},
                        new String[] {String.class.getName()})).isPositive();
                assertThat((Integer) server.invoke(pipeline, "resendAllDeadLetters", new Object[0], new String[0])).isNotNegative();
                assertThat(server.invoke(pipeline, "flush", new Object[] {30L}, new String[] {long.class.getName()})).isEqualTo(true);

                assertThat((Long) server.getAttribute(pipeline, "Sent")).isPositive();
                assertThat(server.getAttribute(pipeline, "Pending")).isEqualTo(0);
                assertThat(server.getAttribute(pipeline, "ToggleState")).isEqualTo("connected");
                assertThat((String[]) server.getAttribute(pipeline, "DeadLetterBatchIds")).isEmpty();
                assertThat(sink.uniqueEvents()).as("the resent startup event reached Toggle").isNotEmpty();
            } finally {
                node.destroy();
                assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("the node stops on SIGTERM").isTrue();
            }
            assertThat(Files.readString(work.resolve("node.log"))).doesNotContain(TOKEN);
        }
    }

    private static JMXConnector connect(int port) throws IOException {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        JMXConnector[] connected = new JMXConnector[1];
        // The agent listens once the node's JVM is up; until then connecting fails.
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            connected[0] = JMXConnectorFactory.connect(url);
            return true;
        });
        return connected[0];
    }

    private static Map<String, Object> column(TabularData table) {
        Map<String, Object> values = new HashMap<>();
        for (Object row : table.values()) {
            CompositeData data = (CompositeData) row;
            values.put((String) data.get("key"), data.get("value"));
        }
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
