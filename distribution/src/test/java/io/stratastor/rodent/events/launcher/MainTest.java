package io.stratastor.rodent.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknownOptionExitsTwoWithOneLineAndAHint() {
        assertThat(main.run(new String[] {"--frobnicate"})).isEqualTo(Main.EXIT_USAGE);
        assertThat(err()).isEqualTo("rodent-events: unknown option '--frobnicate'; try rodent-events --help" + System.lineSeparator());
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertThat(main.run(new String[] {"--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: rodent-events [options]");
    }

    @Test
    void homeWithoutBundlesIsAUsageError(@TempDir Path home) {
        assertThat(main.run(new String[] {"--home", home.toString(), "--script", "x.gogo"})).isEqualTo(Main.EXIT_USAGE);
        assertThat(err()).contains("has no bundle/ folder");
    }

    @Test
    void missingScriptOrConfigIsAUsageError(@TempDir Path home) throws Exception {
        Files.createDirectory(home.resolve("bundle"));

        assertThat(main.run(new String[] {"--home", home.toString(), "--script", home.resolve("absent.gogo").toString()}))
                .isEqualTo(Main.EXIT_USAGE);
        assertThat(main.run(new String[] {"--home", home.toString(), "--config", home.resolve("absent.yml").toString()}))
                .isEqualTo(Main.EXIT_USAGE);
        assertThat(err()).contains("absent.gogo is not a file").contains("absent.yml is not a file");
    }

    @Test
    void loggingPointsLogbackAtTheHomesConfigurationAndLevel() {
        java.util.Properties saved = (java.util.Properties) System.getProperties().clone();
        try {
            System.clearProperty(Main.LOGBACK_CONFIG);
            System.clearProperty(Main.HOME_PROPERTY);
            System.setProperty(Main.LOG_LEVEL_PROPERTY, "warn");

            Main.configureLogging(Path.of("/opt/re"), "debug");

            assertThat(System.getProperty(Main.LOGBACK_CONFIG)).isEqualTo("/opt/re/etc/logback.xml");
            assertThat(System.getProperty(Main.HOME_PROPERTY)).isEqualTo("/opt/re");
            assertThat(System.getProperty(Main.LOG_LEVEL_PROPERTY)).isEqualTo("debug");
        } finally {
            System.setProperties(saved);
        }
    }
}
