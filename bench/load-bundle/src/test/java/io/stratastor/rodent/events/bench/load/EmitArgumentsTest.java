package io.stratastor.rodent.events.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmitArgumentsTest {
    @Test
    void takesTheCountAndTheThreadsByOption() {
        assertThat(EmitArguments.parse("--threads", "2", "--count", "100000")).isEqualTo(new EmitArguments(100_000, 2));
    }

    @Test
    void takesTheCountAsTheOnePositionalArgumentWithOneThreadByDefault() {
        assertThat(EmitArguments.parse("500")).isEqualTo(new EmitArguments(500, 1));
    }

    @Test
    void refusesACountBelowOneNamingIt() {
        assertThatThrownBy(() -> EmitArguments.parse("--count", "0")).hasMessageContaining("--count");
    }

    @Test
    void refusesThreadsOutsideOneToSixtyFourNamingThem() {
        assertThatThrownBy(() -> EmitArguments.parse("10", "--threads", "0")).hasMessageContaining("--threads");
        assertThatThrownBy(() -> EmitArguments.parse("10", "--threads", "65")).hasMessageContaining("--threads");
        assertThat(EmitArguments.parse("10", "--threads", "64").threads()).isEqualTo(64);
    }

    @Test
    void refusesAMissingCountOrANonNumber() {
        assertThatThrownBy(EmitArguments::parse).hasMessageContaining("--count is missing");
        assertThatThrownBy(() -> EmitArguments.parse("--count", "many")).hasMessageContaining("--count").hasMessageContaining("many");
        assertThatThrownBy(() -> EmitArguments.parse("10", "--threads")).hasMessageContaining("--threads needs a value");
    }

    @Test
    void refusesASecondCount() {
        assertThatThrownBy(() -> EmitArguments.parse("--count", "10", "20")).hasMessageContaining("unexpected argument '20'");
    }
}
