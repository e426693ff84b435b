package io.stratastor.rodent.events.shell.karaf.completion;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** One bundle whose metatype describes PID rodent.events with a few keys, as proxies answering only what the completers ask. */
final class FakeMetatype {
    private static final Bundle CORE = fake(Bundle.class, Map.of("getSymbolicName", "io.stratastor.rodent.events.core"));

    static final BundleContext CONTEXT = fake(BundleContext.class, Map.of("getBundles", new Bundle[] {CORE}));

    static final MetaTypeService SERVICE = fake(MetaTypeService.class, Map.of("getMetaTypeInformation", fake(MetaTypeInformation.class,
            Map.of("getPids", new String[] {"rodent.events"}, "getObjectClassDefinition", fake(ObjectClassDefinition.class,
                    Map.of("getAttributeDefinitions", new AttributeDefinition[] {
                        attribute("batch_size", AttributeDefinition.INTEGER, null),
                        attribute("batch_timeout", AttributeDefinition.DOUBLE, null),
                        attribute("toggle.schema", AttributeDefinition.STRING, new String[] {"2025-09", "2025-12"}),
                        attribute("toggle.tls", AttributeDefinition.BOOLEAN, null),
                        attribute("toggle.jwt", AttributeDefinition.PASSWORD, null)}))))));

    private FakeMetatype() {
    }

    private static AttributeDefinition attribute(String id, int type, String[] options) {
        Map<String, Object> answers = new java.util.HashMap<>(Map.of("getID", id, "getType", type, "getCardinality", 0));
        if (options != null) {
            answers.put("getOptionValues", options);
        }
        return fake(AttributeDefinition.class, answers);
    }

    /** A proxy answering each named method with its value, and anything else with null. */
    private static <T> T fake(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answers.get(method.getName())));
    }
}
