package io.stratastor.rodent.events.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ops4j.pax.exam.Option;

/**
 * The bundles of a Rodent node, as the distribution ships them, provisioned from the paths Maven
 * resolved (failsafe system properties {@code bundle.*}).
 */
final class NodeOptions {
    private NodeOptions() {
    }

    /** The framework bundles and the node's bundles, in start order. */
    static final List<String> NODE_BUNDLES = List.of("bundle.function", "bundle.promise", "bundle.component", "bundle.scr",
            "bundle.configadmin", "bundle.metatype", "bundle.gogo.runtime", "bundle.protobuf", "bundle.proto", "bundle.api",
            "bundle.core", "bundle.system", "bundle.storage", "bundle.network", "bundle.security", "bundle.service", "bundle.identity",
            "bundle.access", "bundle.sharing", "bundle.usage", "bundle.datatransfer", "bundle.legacy", "bundle.testing", "bundle.shell");

    /** A node with every bundle but those named (by their {@code bundle.*} property). */
    static Option node(String... without) {
        List<Option> bundles = new ArrayList<>();
        for (String property : NODE_BUNDLES) {
            if (!Arrays.asList(without).contains(property)) {
                bundles.add(jar(property));
            }
        }
        return composite(composite(bundles.toArray(new Option[0])), framework());
    }

    private static Option framework() {
        return composite(
                junitBundles(),
                cleanCaches(true),
                frameworkProperty("org.osgi.framework.storage").value(workDir("felix-cache")),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                systemProperty("org.ops4j.pax.url.mvn.localRepository").value(System.getProperty("org.ops4j.pax.url.mvn.localRepository", "")),
                systemProperty("org.ops4j.pax.url.mvn.useFallbackRepositories").value("false"));
    }

    /** The path of a jar Maven resolved, by its {@code bundle.*} property. */
    static String path(String property) {
        String path = System.getProperty(property);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("system property " + property + " names no jar (" + path + "); run through mvn verify");
        }
        return path;
    }

    static Option jar(String property) {
        return bundle(new File(path(property)).toURI().toString());
    }

    private static String workDir(String name) {
        return new File(System.getProperty("rodent.itest.workdir", "target/itest-work"), name).getAbsolutePath();
    }
}
