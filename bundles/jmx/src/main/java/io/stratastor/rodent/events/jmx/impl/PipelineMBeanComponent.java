package io.stratastor.rodent.events.jmx.impl;

import io.stratastor.rodent.events.api.DeadLetterQueue;
import io.stratastor.rodent.events.api.EventSystem;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.MetaTypeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the pipeline's MXBean on the platform MBeanServer (the one the JVM's own JMX agent and
 * Karaf's JMX connector serve) while the core's services are there; DS recreates it when one of
 * them changes. Not a service: it runs with no consumer.
 */
@Component(service = {}, immediate = true)
public final class PipelineMBeanComponent {
    static final String OBJECT_NAME = "io.stratastor.rodent.events:type=Pipeline";
    private static final Logger LOG = LoggerFactory.getLogger(PipelineMBeanComponent.class);

    private final MBeanServer server;
    private final ObjectName name;

    @Activate
    public PipelineMBeanComponent(@Reference EventSystem eventSystem, @Reference DeadLetterQueue deadLetters,
            @Reference ConfigurationAdmin admin,
            // Optional: without Metatype the Configuration attribute shows the stored values only.
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            MetaTypeService metatype,
            BundleContext context) throws JMException {
        this(ManagementFactory.getPlatformMBeanServer(),
                new PipelineView(eventSystem, deadLetters, new EffectiveConfiguration(admin, metatype, context::getBundles)));
    }

    PipelineMBeanComponent(MBeanServer server, PipelineMXBean view) throws JMException {
        this.server = server;
        this.name = objectName();
        server.registerMBean(new StandardMBean(view, PipelineMXBean.class, true) {
            // Reflection sees p0; jconsole and hawtio show these.
            @Override
            protected String getParameterName(MBeanOperationInfo operation, MBeanParameterInfo parameter, int sequence) {
                return operation.getName().equals("flush") ? "timeoutSeconds" : "batchId";
            }
        }, name);
        LOG.info("MBean {} registered", OBJECT_NAME);
    }

    static ObjectName objectName() {
        try {
            return new ObjectName(OBJECT_NAME);
        } catch (JMException e) {
            throw new IllegalStateException("not an object name: " + OBJECT_NAME, e);
        }
    }

    @Deactivate
    void deactivate() {
        try {
            server.unregisterMBean(name);
            LOG.info("MBean {} unregistered", OBJECT_NAME);
        } catch (JMException e) {
            LOG.warn("cannot unregister MBean {}: {}", OBJECT_NAME, e.toString());
        }
    }
}
