package io.stratastor.rodent.events.launcher;

import java.lang.reflect.Method;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Logs the launcher's own lines into the node's log (the framework's slf4j and logback, so they
 * land in {@code data/log/rodent-events.log} with everything else). The launcher sits outside the
 * framework, so slf4j is reached by reflection through the slf4j-api bundle; without it, lines are
 * not logged (they are printed anyway). Thread-safe.
 */
final class LauncherLog {
    static final String SLF4J_BUNDLE = "slf4j.api";
    static final String LOGGER_NAME = "io.stratastor.rodent.events.launcher";

    private final Object logger;
    private final Method info;
    private final Method warn;

    private LauncherLog(Object logger, Method info, Method warn) {
        this.logger = logger;
        this.info = info;
        this.warn = warn;
    }

    /** The launcher's logger in the node of {@code context}; one that logs nothing when slf4j is missing. */
    static LauncherLog of(BundleContext context) {
        for (Bundle bundle : context.getBundles()) {
            if (SLF4J_BUNDLE.equals(bundle.getSymbolicName()) && bundle.getState() == Bundle.ACTIVE) {
                try {
                    Class<?> factory = bundle.loadClass("org.slf4j.LoggerFactory");
                    Class<?> loggerType = bundle.loadClass("org.slf4j.Logger");
                    Object logger = factory.getMethod("getLogger", String.class).invoke(null, LOGGER_NAME);
                    return new LauncherLog(logger, loggerType.getMethod("info", String.class), loggerType.getMethod("warn", String.class));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return new LauncherLog(null, null, null);
                }
            }
        }
        return new LauncherLog(null, null, null);
    }

    void info(String line) {
        log(info, line);
    }

    void warn(String line) {
        log(warn, line);
    }

    private void log(Method level, String line) {
        if (logger == null) {
            return;
        }
        try {
            level.invoke(logger, line);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Logging must never stop the launcher; the line was printed already.
            return;
        }
    }
}
