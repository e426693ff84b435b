package io.stratastor.rodent.events.itests.karaf;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.util.Map;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * A fresh Apache Karaf, unpacked from the distribution on Maven Central, that installs
 * {@code rodent-events} from our features repository at boot. Karaf's Maven resolver reads Karaf's
 * own system/ folder first, then the reactor repository the build laid out (our features and
 * bundles as this build made them, never an older installed copy), then the build's local
 * repository, which the build filled with the rest; Maven Central is its only remote repository,
 * for what Maven could not fetch (see the pom). Versions and paths come from failsafe's system
 * properties. Driver side.
 */
final class KarafNode {
    private static final String PAX_URL_CFG = "etc/org.ops4j.pax.url.mvn.cfg";

    private KarafNode() {
    }

    /** Karaf with {@code rodent-events} installed, and {@code systemProperties} added to its etc/system.properties. */
    static Option withRodentEvents(Map<String, String> systemProperties) {
        return withFeatures(systemProperties, "rodent-events");
    }

    /** The same with {@code features} of our repository installed at boot. */
    static Option withFeatures(Map<String, String> systemProperties, String... features) {
        String karafVersion = property("rodent.itest.karaf.version");
        Option[] properties = systemProperties.entrySet().stream()
                .map(entry -> editConfigurationFilePut("etc/system.properties", entry.getKey(), entry.getValue()))
                .toArray(Option[]::new);
        return composite(
                karafDistributionConfiguration()
                        .frameworkUrl(maven("org.apache.karaf", "apache-karaf", karafVersion).type("tar.gz"))
                        .karafVersion(karafVersion)
                        .name("Apache Karaf")
                        .unpackDirectory(new File(workDir(), "karaf"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                // What bin/karaf adds on Java 9+ and Pax Exam's launcher does not: Karaf's spec locator in java.base
                // (else its specs activator fails on every resolved bundle). Paths are relative to Karaf's base,
                // the launched JVM's working directory.
                vmOptions("--add-reads=java.xml=java.logging",
                        "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                        "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                        "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar"),
                logLevel(LogLevel.WARN),
                // Bounds: Karaf's start with the boot features, then each @Inject (10 s by default, short for SCR to
                // activate the pipeline on a loaded two-core machine).
                systemTimeout(120_000),
                systemProperty("pax.exam.service.timeout").value("60000"),
                editConfigurationFilePut(PAX_URL_CFG, "org.ops4j.pax.url.mvn.repositories", "https://repo1.maven.org/maven2@id=central"),
                editConfigurationFilePut(PAX_URL_CFG, "org.ops4j.pax.url.mvn.defaultRepositories", String.join(", ",
                        "${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots",
                        "${karaf.data.uri}kar@id=kar.repository@multi@snapshots",
                        new File(property("rodent.itest.reactor.repository")).toURI() + "@id=rodent.reactor@snapshots")),
                editConfigurationFilePut(PAX_URL_CFG, "org.ops4j.pax.url.mvn.localRepository",
                        property("org.ops4j.pax.url.mvn.localRepository")),
                composite(properties),
                features(maven("io.stratastor.rodent.events", "rodent-events-features", property("rodent.itest.version"))
                        .type("xml").classifier("features"), features));
    }

    /** Where the test's files go (the Karaf instance, the Toggle's capture), under the module's target/. */
    static File workDir() {
        return new File(property("rodent.itest.workdir"));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("system property " + name + " is not set; run through mvn verify");
        }
        return value;
    }
}
