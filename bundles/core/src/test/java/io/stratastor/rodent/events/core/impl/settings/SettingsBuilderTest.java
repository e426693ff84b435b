package io.stratastor.rodent.events.core.impl.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsBuilderTest {
    @Test
    void anEmptyOrBlankRedactKeysKeepsTheDefaultsRatherThanTurningRedactionOff() {
        java.util.List<String> defaults = new SettingsBuilder().build().redactKeys();
        assertThat(defaults).contains("password", "token");
        assertThat(new SettingsBuilder().redactKeys("").build().redactKeys()).isEqualTo(defaults);
        assertThat(new SettingsBuilder().redactKeys(" ", "").build().redactKeys()).isEqualTo(defaults);
        assertThat(new SettingsBuilder().redactKeys("pin").build().redactKeys()).containsExactly("pin");
    }


    @Test
    void eachProfileSetsTheNumbersOfTheArchitecture() {
        assertProfile("default", 20_000, 18_000, 100, 30);
        assertProfile("high-throughput", 50_000, 45_000, 500, 60);
        assertProfile("low-latency", 5_000, 4_000, 50, 5);
        assertProfile("minimal", 2_000, 1_800, 25, 30);
    }

    private static void assertProfile(String profile, int buffer, int threshold, int batch, int timeoutSeconds) {
        Settings settings = new SettingsBuilder().profile(profile).build();
        assertThat(settings.bufferSize()).isEqualTo(buffer);
        assertThat(settings.flushThreshold()).isEqualTo(threshold);
        assertThat(settings.batchSize()).isEqualTo(batch);
        assertThat(settings.batchTimeout()).isEqualTo(Duration.ofSeconds(timeoutSeconds));
    }

    @Test
    void minimalProfileShipsOnlyEssentialErrorAndCritical() {
        assertThat(new SettingsBuilder().profile("minimal").build().enabledLevels())
                .containsExactlyInAnyOrder(Level.ESSENTIAL, Level.ERROR, Level.CRITICAL);
        assertThat(new SettingsBuilder().build().enabledLevels())
                .containsExactlyInAnyOrder(Level.INFO, Level.WARN, Level.ERROR, Level.CRITICAL, Level.ESSENTIAL);
    }

    @Test
    void enabledLevelsTakeTheNewLevelsAndAnyCaseOrSeparator() {
        assertThat(new SettingsBuilder().enabledLevels("TRACE, debug", "Essential").build().enabledLevels())
                .containsExactlyInAnyOrder(Level.TRACE, Level.DEBUG, Level.ESSENTIAL);
        assertThatThrownBy(() -> new SettingsBuilder().enabledLevels("verbose").build())
                .hasMessageContaining("enabled_levels").hasMessageContaining("essential, debug, trace");
    }

    @Test
    void toggleSchemaIsOneOfTheTwoGenerations() {
        assertThat(new SettingsBuilder().build().toggle().schema()).isEqualTo(io.stratastor.rodent.events.core.impl.wire.Generation.V2025_09);
        assertThat(new SettingsBuilder().toggleSchema("2025-12").build().toggle().schema())
                .isEqualTo(io.stratastor.rodent.events.core.impl.wire.Generation.V2025_12);
        assertThatThrownBy(() -> new SettingsBuilder().toggleSchema("2026-01").build())
                .hasMessage("toggle.schema: unknown schema generation '2026-01'; expected one of 2025-09, 2025-12");
    }

    @Test
    void toggleCompressionIsNoneByDefaultOrGzip() {
        assertThat(new SettingsBuilder().build().toggle().compression()).isEqualTo(Compression.NONE);
        assertThat(new SettingsBuilder().toggleCompression("gzip").build().toggle().compression()).isEqualTo(Compression.GZIP);
        assertThat(new SettingsBuilder().toggleCompression(" GZIP ").build().toggle().compression()).isEqualTo(Compression.GZIP);
        assertThat(new SettingsBuilder().toggleCompression("").build().toggle().compression()).isEqualTo(Compression.NONE);
        assertThatThrownBy(() -> new SettingsBuilder().toggleCompression("x").build())
                .hasMessage("toggle.compression: unknown value 'x'; expected one of none, gzip");
    }

    @Test
    void replayRateIsUnlimitedByDefaultAndNeverNegative() {
        assertThat(new SettingsBuilder().build().replayRate()).isZero();
        assertThat(new SettingsBuilder().replayRate(500).build().replayRate()).isEqualTo(500);
        assertThatThrownBy(() -> new SettingsBuilder().replayRate(-5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replay_rate: -5; expected 0 (unlimited) or more events per second");
    }

    @Test
    void explicitKeysOverrideTheProfile() {
        Settings settings = new SettingsBuilder().profile("low-latency").batchSize(7).batchTimeoutSeconds(0.5)
                .enabledLevels("warn", "critical").build();

        assertThat(settings.profile()).isEqualTo(Profile.LOW_LATENCY);
        assertThat(settings.bufferSize()).isEqualTo(5_000);
        assertThat(settings.batchSize()).isEqualTo(7);
        assertThat(settings.batchTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.enabledLevels()).containsExactly(Level.WARN, Level.CRITICAL);
    }

    @Test
    void listsMayArriveAsOneCommaSeparatedString() {
        Settings settings = new SettingsBuilder().enabledCategories("storage, identity").build();

        assertThat(settings.enabledCategories()).containsExactly(Category.STORAGE, Category.IDENTITY);
    }

    @Test
    void badValuesAreRefusedNamingTheKeyAndWhatIsAccepted() {
        assertThatThrownBy(() -> new SettingsBuilder().profile("fast").build())
                .hasMessageContaining("profile").hasMessageContaining("high-throughput");
        assertThatThrownBy(() -> new SettingsBuilder().enabledLevels("info", "verbose").build())
                .hasMessageContaining("enabled_levels").hasMessageContaining("verbose").hasMessageContaining("critical");
        assertThatThrownBy(() -> new SettingsBuilder().enabledCategories("disk").build())
                .hasMessageContaining("enabled_categories").hasMessageContaining("sharing");
        assertThatThrownBy(() -> new SettingsBuilder().bufferSize(100).flushThreshold(200).build())
                .hasMessageContaining("flush_threshold");
        assertThatThrownBy(() -> new SettingsBuilder().batchSize(-1).build())
                .hasMessageContaining("batch_size").hasMessageContaining("1 or more");
        assertThatThrownBy(() -> new SettingsBuilder().toggleAddress("toggle-without-port").build())
                .hasMessageContaining("toggle.address").hasMessageContaining("host:port");
        assertThatThrownBy(() -> new SettingsBuilder().batchTimeoutSeconds(-3).build())
                .hasMessageContaining("batch_timeout");
    }

    @Test
    void tokenFileIsPreferredAndItsContentNeverAppearsInToString(@TempDir Path dir) throws Exception {
        Path tokenFile = dir.resolve("toggle.jwt");
        Files.writeString(tokenFile, "file-token-value\n");

        Settings settings = new SettingsBuilder().toggleAddress("127.0.0.1:50051").toggleJwt("inline-token-value")
                .toggleJwtFile(tokenFile.toString()).build();

        assertThat(settings.toggle().token()).isEqualTo("file-token-value");
        assertThat(settings.toString()).doesNotContain("file-token-value").contains("token=set");
    }

    @Test
    void unreadableTokenFileIsRefusedWithoutEchoingAnyToken() {
        assertThatThrownBy(() -> new SettingsBuilder().toggleJwt("inline-secret").toggleJwtFile("/nonexistent/jwt").build())
                .hasMessageContaining("toggle.jwt_file").hasMessageNotContaining("inline-secret");
    }
}
