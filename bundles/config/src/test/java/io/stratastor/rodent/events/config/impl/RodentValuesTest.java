package io.stratastor.rodent.events.config.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratastor.rodent.events.config.impl.RodentKeys.Kind;
import org.junit.jupiter.api.Test;

class RodentValuesTest {
    private static final String WHERE = "rodent.yml: events.batchTimeout";

    @Test
    void goDurationsBecomeSeconds() throws Exception {
        assertThat(RodentValues.convert(Kind.SECONDS, "30s", WHERE)).isEqualTo(30.0);
        assertThat(RodentValues.convert(Kind.SECONDS, "500ms", WHERE)).isEqualTo(0.5);
        assertThat(RodentValues.convert(Kind.SECONDS, "1m", WHERE)).isEqualTo(60.0);
        assertThat(RodentValues.convert(Kind.SECONDS, "1h30m", WHERE)).isEqualTo(5400.0);
        assertThat(RodentValues.convert(Kind.SECONDS, "1.5s", WHERE)).isEqualTo(1.5);
        assertThat(RodentValues.convert(Kind.SECONDS, "250us", WHERE)).isEqualTo(0.00025);
        assertThat(RodentValues.convert(Kind.SECONDS, "0", WHERE)).isEqualTo(0.0);
    }

    @Test
    void secondsStayAsTheyAreAndNumericStringsAreSeconds() throws Exception {
        assertThat(RodentValues.convert(Kind.SECONDS, 30, WHERE)).isEqualTo(30);
        assertThat(RodentValues.convert(Kind.SECONDS, 0.2, WHERE)).isEqualTo(0.2);
        assertThat(RodentValues.convert(Kind.SECONDS, "30", WHERE)).isEqualTo(30.0);
        assertThat(RodentValues.convert(Kind.SECONDS, " 0.5 ", WHERE)).isEqualTo(0.5);
    }

    @Test
    void aDurationThatDoesNotConvertNamesTheKeyAndTheFormsButNotTheValue() {
        for (Object bad : new Object[] {"30 seconds", "s", "1d", "30sx", "", true}) {
            assertThatThrownBy(() -> RodentValues.convert(Kind.SECONDS, bad, WHERE)).as(String.valueOf(bad))
                    .isInstanceOf(RodentYamlException.class)
                    .hasMessage(WHERE + " is not a duration; expected seconds (30, 0.5) or a Go duration (30s, 500ms, 1m)");
        }
    }

    @Test
    void countsAcceptWholeNumbersAndTheirStrings() throws Exception {
        assertThat(RodentValues.convert(Kind.COUNT, 100, "f: events.batchSize")).isEqualTo(100);
        assertThat(RodentValues.convert(Kind.COUNT, "100", "f: events.batchSize")).isEqualTo(100);
        assertThatThrownBy(() -> RodentValues.convert(Kind.COUNT, "lots", "f: events.batchSize"))
                .hasMessage("f: events.batchSize is not a whole number; expected a count such as 100");
        assertThatThrownBy(() -> RodentValues.convert(Kind.COUNT, 2.5, "f: events.batchSize"))
                .hasMessageContaining("is not a whole number");
        assertThatThrownBy(() -> RodentValues.convert(Kind.COUNT, 5_000_000_000L, "f: events.bufferSize"))
                .hasMessage("f: events.bufferSize is out of range (at most 2147483647)");
    }

    @Test
    void sizesAreBytesAsUpstreamsMaxFileSizeIs() throws Exception {
        assertThat(RodentValues.convert(Kind.BYTES, 10485760, "f: events.maxFileSize")).isEqualTo(10_485_760L);
        assertThat(RodentValues.convert(Kind.BYTES, "10485760", "f: events.maxFileSize")).isEqualTo(10_485_760L);
        assertThat(RodentValues.convert(Kind.BYTES, 10_000_000_000L, "f: events.maxFileSize")).isEqualTo(10_000_000_000L);
        assertThatThrownBy(() -> RodentValues.convert(Kind.BYTES, "10MB", "f: events.maxFileSize"))
                .isInstanceOf(RodentYamlException.class)
                .hasMessage("f: events.maxFileSize is not a whole number of bytes; expected a size in bytes such as 10485760");
    }

    @Test
    void booleansAcceptGoForms() throws Exception {
        assertThat(RodentValues.convert(Kind.BOOLEAN, true, "f: toggle.tls")).isEqualTo(true);
        assertThat(RodentValues.convert(Kind.BOOLEAN, "FALSE", "f: toggle.tls")).isEqualTo(false);
        assertThat(RodentValues.convert(Kind.TOGGLE_ENABLE, 0, "f: toggle.enable")).isEqualTo(false);
        assertThat(RodentValues.convert(Kind.TOGGLE_ENABLE, "t", "f: toggle.enable")).isEqualTo(true);
        assertThatThrownBy(() -> RodentValues.convert(Kind.TOGGLE_ENABLE, "maybe", "f: toggle.enable"))
                .hasMessage("f: toggle.enable is not true or false");
    }

    @Test
    void plainValuesAndListsAreLeftAsTheyAre() throws Exception {
        String[] levels = {"error"};
        assertThat(RodentValues.convert(Kind.LIST, levels, "f")).isSameAs(levels);
        assertThat(RodentValues.convert(Kind.PLAIN, "minimal", "f")).isEqualTo("minimal");
    }
}
