package io.stratastor.rodent.events.jmx.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.MBeanInfo;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

/** The MBean as a JMX client sees it: open types only, read-only configuration, flush and resends. */
class PipelineMBeanComponentTest {
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final FakePipeline pipeline = new FakePipeline();
    private final ObjectName name = PipelineMBeanComponent.objectName();

    private PipelineMBeanComponent register() throws Exception {
        return new PipelineMBeanComponent(server, new PipelineView(pipeline, pipeline,
                () -> Map.of("toggle.jwt", "set", "batch_size", "100")));
    }

    @Test
    void attributesAreOpenTypesOfTheSnapshot() throws Exception {
        register();

        MBeanInfo info = server.getMBeanInfo(name);
        assertThat(info.getAttributes()).allSatisfy(attribute -> assertThat(attribute.getDescriptor().getFieldValue("openType"))
                .as(attribute.getName()).isInstanceOf(OpenType.class));
        assertThat(info.getOperations()[0].getSignature()[0].getName()).isEqualTo("timeoutSeconds");
        assertThat(server.getAttribute(name, "Emitted")).isEqualTo(42L);
        assertThat(server.getAttribute(name, "Pending")).isEqualTo(12);
        assertThat(server.getAttribute(name, "OldestPendingAgeMs")).isEqualTo(7_000L);
        assertThat(server.getAttribute(name, "ToggleState")).isEqualTo("unavailable");
        assertThat(server.getAttribute(name, "TokenSet")).isEqualTo(true);
        assertThat(server.getAttribute(name, "LastError")).isEqualTo("UNAVAILABLE: connection refused");
        assertThat(server.getAttribute(name, "SpoolBytes")).isEqualTo(4096L);
        assertThat(server.getAttribute(name, "QuarantinedRecords")).isEqualTo(1L);
        TabularData dropped = (TabularData) server.getAttribute(name, "DroppedByLevel");
        assertThat(row(dropped, "warn")).isEqualTo(4L);
        assertThat(row(dropped, "info")).isEqualTo(0L);
        assertThat(row((TabularData) server.getAttribute(name, "Stats"), "sent")).isEqualTo("30");
    }

    @Test
    void configurationIsReadOnly() throws Exception {
        register();

        assertThat(row((TabularData) server.getAttribute(name, "Configuration"), "toggle.jwt")).isEqualTo("set");
        assertThat(server.getMBeanInfo(name).getAttributes()).allSatisfy(attribute -> assertThat(attribute.isWritable()).isFalse());
    }

    @Test
    void flushWaitsTheGivenSecondsAndRefusesABadTimeout() throws Exception {
        register();

        assertThat(server.invoke(name, "flush", new Object[] {30L}, new String[] {"long"})).isEqualTo(true);
        assertThat(pipeline.lastFlushMillis).isEqualTo(30_000);
        assertThatThrownBy(() -> server.invoke(name, "flush", new Object[] {0L}, new String[] {"long"}))
                .isInstanceOf(RuntimeMBeanException.class).cause().hasMessageContaining("timeoutSeconds must be 1 to 3600, was 0");
    }

    @Test
    void resendsOneDeadLetterOrAllAndNamesAnUnknownId() throws Exception {
        pipeline.keep("batch-1", 3);
        pipeline.keep("batch-2", 4);
        register();

        assertThat((String[]) server.getAttribute(name, "DeadLetterBatchIds")).containsExactly("batch-1", "batch-2");
        assertThat(server.invoke(name, "resendDeadLetter", new Object[] {"batch-1"}, new String[] {String.class.getName()}))
                .isEqualTo(3);
        assertThatThrownBy(() -> server.invoke(name, "resendDeadLetter", new Object[] {"batch-9"}, new String[] {String.class.getName()}))
                .isInstanceOf(RuntimeMBeanException.class).cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch-9");
        assertThatThrownBy(() -> server.invoke(name, "resendDeadLetter", new Object[] {" "}, new String[] {String.class.getName()}))
                .cause().hasMessageContaining("needs a batch id");
        assertThat(server.invoke(name, "resendAllDeadLetters", new Object[0], new String[0])).isEqualTo(4);
    }

    @Test
    void deactivateUnregisters() throws Exception {
        PipelineMBeanComponent component = register();
        assertThat(server.isRegistered(name)).isTrue();

        component.deactivate();

        assertThat(server.isRegistered(name)).isFalse();
    }

    @Test
    void attributesCannotBeWritten() throws Exception {
        register();

        assertThatThrownBy(() -> server.setAttribute(name, new Attribute("Pending", 0))).hasMessageContaining("Pending");
    }

    private static Object row(TabularData table, String key) {
        CompositeData row = table.get(new Object[] {key});
        assertThat(row).as("row " + key + " of " + table).isNotNull();
        return row.get("value");
    }
}
