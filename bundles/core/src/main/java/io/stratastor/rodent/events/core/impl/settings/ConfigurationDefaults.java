package io.stratastor.rodent.events.core.impl.settings;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * {@link PipelineConfiguration} with every key at its default: the values written once, in the
 * metatype annotation, read back from it. Config Admin shows the same defaults, so the builder,
 * the metatype and {@code etc/rodent.yml}'s comments cannot drift apart.
 */
final class ConfigurationDefaults {
    static final PipelineConfiguration VALUES = (PipelineConfiguration) Proxy.newProxyInstance(
            PipelineConfiguration.class.getClassLoader(), new Class<?>[] {PipelineConfiguration.class},
            (proxy, method, args) -> valueOf(method));

    private ConfigurationDefaults() {
    }

    private static Object valueOf(Method method) {
        Object value = method.getDefaultValue();
        if (value != null) {
            // An array default is shared by every caller: hand out a copy.
            return value.getClass().isArray() ? copy(value) : value;
        }
        switch (method.getName()) {
            case "annotationType":
                return PipelineConfiguration.class;
            case "toString":
                return "the defaults of " + PipelineConfiguration.PID;
            case "hashCode":
                return System.identityHashCode(VALUES);
            default:
                throw new UnsupportedOperationException(method.getName() + " has no default");
        }
    }

    private static Object copy(Object array) {
        int length = Array.getLength(array);
        Object copy = Array.newInstance(array.getClass().getComponentType(), length);
        System.arraycopy(array, 0, copy, 0, length);
        return copy;
    }
}
