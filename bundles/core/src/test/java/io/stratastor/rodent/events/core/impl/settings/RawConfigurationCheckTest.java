package io.stratastor.rodent.events.core.impl.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

class RawConfigurationCheckTest {
    private static final String SECRET = "eyJhbGciOiJIUzI1NiJ9.cmF3.c2ln";

    private static Settings build(Map<String, Object> properties) {
        return SettingsBuilder.of(Converters.standardConverter().convert(properties).to(PipelineConfiguration.class)).build();
    }

    @Test
    void aValueThatIsNotOfTheKeysTypeIsRefusedNamingTheKeyNotTheValue() {
        assertThatThrownBy(() -> build(Map.of("spool_capacity", "lots" + SECRET)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spool_capacity: cannot be read as a whole number; expected a whole number (the value is not shown)");
        assertThatThrownBy(() -> build(Map.of("toggle.deadline", "soon")))
                .hasMessageStartingWith("toggle.deadline: cannot be read as a number of seconds");
    }

    @Test
    void aControlCharacterInAnyTextIsRefusedWithItsCodeAndIndexNeverTheValue() {
        assertThatThrownBy(() -> build(Map.of("spool_directory", "/var/spool/\u001b[31mred")))
                .hasMessage("spool_directory: holds a control character (U+001B) at index 11; expected printable text");
        assertThatThrownBy(() -> build(Map.of("toggle.jwt", SECRET + "\n")))
                .hasMessage("toggle.jwt: holds a control character (U+000A) at index " + SECRET.length() + "; expected printable text");
        assertThatThrownBy(() -> build(Map.of("redact_keys", new String[] {"password", "to\u0000ken"})))
                .hasMessage("redact_keys item 2: holds a control character (U+0000) at index 2; expected printable text");
    }

    @Test
    void aTextOfAHundredThousandCharactersIsRefusedByItsLength() {
        assertThatThrownBy(() -> build(Map.of("toggle.jwt_file", "a".repeat(100_000))))
                .hasMessage("toggle.jwt_file: 100000 characters; expected at most 8192");
    }

    @Test
    void anUnknownWordLongerThanAMessageShouldCarryIsCut() {
        String word = "x".repeat(5_000);

        assertThatThrownBy(() -> build(Map.of("fsync_policy", word)))
                .hasMessage("fsync_policy: unknown value '" + "x".repeat(48) + "…' (5000 characters); expected one of none, interval, batch");
        assertThatThrownBy(() -> build(Map.of("enabled_levels", "info,$(reboot)")))
                .hasMessageStartingWith("enabled_levels: unknown level '$(reboot)'; expected one of ");
    }

    @Test
    void shellWordsAndRelativePathsAreTextLikeAnyOtherAndAccepted() {
        assertThat(build(Map.of("spool_directory", "../../spool")).spoolDirectory()).isEqualTo("../../spool");
        assertThat(build(Map.of("redact_keys", "$(whoami)")).redactKeys()).containsExactly("$(whoami)");
    }
}
