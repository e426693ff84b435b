package io.stratastor.rodent.events.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import org.ops4j.pax.exam.Option;

/**
 * The bundles of a Rodent node, as the distribution ships them, provisioned from the paths Maven
 * resolved (failsafe system properties {@code bundle.*}).
 */
final class NodeOptions {
    private NodeOptions() {
    }

    static Option node() {
        return composite(
                junitBundles(),
                cleanCaches(true),
                frameworkProperty("org.osgi.framework.storage").value(workDir("felix-cache")),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                systemProperty("org.ops4j.pax.url.mvn.localRepository").value(System.getProperty("org.ops4j.pax.url.mvn.localRepository", "")),
                systemProperty("org.ops4j.pax.url.mvn.useFallbackRepositories").value("false"),
                jar("bundle.function"),
                jar("bundle.promise"),
                jar("bundle.component"),
                jar("bundle.scr"),
                jar("bundle.configadmin"),
                jar("bundle.metatype"),
                jar("bundle.protobuf"),
                jar("bundle.proto"),
                jar("bundle.api"),
                jar("bundle.core"),
                jar("bundle.storage"));
    }

    static Option jar(String property) {
        String path = System.getProperty(property);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("system property " + property + " names no jar (" + path + "); run through mvn verify");
        }
        return bundle(new File(path).toURI().toString());
    }

    private static String workDir(String name) {
        return new File(System.getProperty("rodent.itest.workdir", "target/itest-work"), name).getAbsolutePath();
    }
}
