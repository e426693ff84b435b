package io.stratastor.rodent.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratastor.rodent.events.launcher.LauncherOptions.Mode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {
    private static final Path HOME = Path.of("/opt/rodent-events");

    @Test
    void noOptionsRunsInteractivelyOnATerminalAndAsAServiceOtherwise() throws Exception {
        LauncherOptions options = LauncherOptions.parse(new String[0], HOME);

        assertThat(options.home()).isEqualTo(HOME);
        assertThat(options.mode(true)).isEqualTo(Mode.INTERACTIVE);
        assertThat(options.mode(false)).isEqualTo(Mode.SERVICE);
        assertThat(options.configFile()).isEqualTo(HOME.resolve("etc/rodent.yml"));
        assertThat(options.logLevel()).isNull();
    }

    @Test
    void interactiveIsForcedOffATerminal() throws Exception {
        assertThat(LauncherOptions.parse(new String[] {"--interactive"}, HOME).mode(false)).isEqualTo(Mode.INTERACTIVE);
    }

    @Test
    void scriptAndDemoChooseTheirModesWhateverTheTerminal() throws Exception {
        assertThat(LauncherOptions.parse(new String[] {"--script", "a.gogo"}, HOME).mode(true)).isEqualTo(Mode.SCRIPT);
        assertThat(LauncherOptions.parse(new String[] {"--demo"}, HOME).mode(true)).isEqualTo(Mode.DEMO);
    }

    @Test
    void homeConfigScriptAndLogLevelAreTaken() throws Exception {
        LauncherOptions options = LauncherOptions.parse(
                new String[] {"--home", "/srv/re", "--config", "/etc/rodent/rodent.yml", "--script", "s.gogo", "--log-level", "DEBUG"}, HOME);

        assertThat(options.home()).isEqualTo(Path.of("/srv/re"));
        assertThat(options.configFile()).isEqualTo(Path.of("/etc/rodent/rodent.yml"));
        assertThat(options.script()).isEqualTo(Path.of("s.gogo"));
        assertThat(options.logLevel()).isEqualTo("debug");
    }

    @Test
    void relativeConfigBecomesAbsolute() throws Exception {
        assertThat(LauncherOptions.parse(new String[] {"--config", "my.yml"}, HOME).configFile())
                .isAbsolute().endsWithRaw(Path.of("my.yml"));
    }

    @Test
    void helpIsRecognised() throws Exception {
        assertThat(LauncherOptions.parse(new String[] {"--help"}, HOME).help()).isTrue();
        assertThat(LauncherOptions.parse(new String[] {"-h"}, HOME).help()).isTrue();
    }

    @Test
    void unknownOptionOrArgumentIsRefused() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--verbose"}, HOME))
                .isInstanceOf(UsageException.class).hasMessage("unknown option '--verbose'");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"demo"}, HOME))
                .hasMessage("unexpected argument 'demo' (options start with --)");
    }

    @Test
    void optionWithoutValueIsRefused() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--config"}, HOME)).hasMessage("option --config needs a value");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--script", "--demo"}, HOME))
                .hasMessage("option --script needs a value");
    }

    @Test
    void schemaOfTheDemoDefaultsTo2025_09AndTakesTheTwoGenerations() throws Exception {
        assertThat(LauncherOptions.parse(new String[] {"--demo"}, HOME).schema()).isEqualTo("2025-09");
        assertThat(LauncherOptions.parse(new String[] {"--demo", "--schema", "2025-12"}, HOME).schema()).isEqualTo("2025-12");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--demo", "--schema", "2026-01"}, HOME))
                .hasMessage("--schema takes 2025-09 or 2025-12, got '2026-01'");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--schema", "2025-12"}, HOME))
                .hasMessageStartingWith("--schema sets the demo's wire generation; give it with --demo");
    }

    @Test
    void badLogLevelListsTheAcceptedOnes() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--log-level", "loud"}, HOME))
                .hasMessage("--log-level takes trace, debug, info, warn, error or off, got 'loud'");
    }

    @Test
    void exclusiveModesAreRefused() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--demo", "--script", "a"}, HOME))
                .hasMessageContaining("either --demo or --script");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--interactive", "--demo"}, HOME))
                .hasMessage("--interactive cannot be combined with --demo");
    }
}
