package io.stratastor.rodent.events.core.impl.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ToggleAddressTest {
    @Test
    void oneHostAndPortIsOneToggle() {
        ToggleAddress address = ToggleAddress.parse("toggle.example:50051");
        assertThat(address.endpoints()).containsExactly("toggle.example:50051");
        assertThat(address.several()).isFalse();
    }

    @Test
    void aListIsSeveralTogglesInTheOrderGiven() {
        ToggleAddress address = ToggleAddress.parse("toggle-a:50051, 10.0.0.2:50052,[::1]:50053");
        assertThat(address.endpoints()).containsExactly("toggle-a:50051", "10.0.0.2:50052", "[::1]:50053");
        assertThat(address.several()).isTrue();
        assertThat(address.dns()).isFalse();
    }

    @Test
    void dnsNamesEveryAddressTheNameResolvesTo() {
        ToggleAddress address = ToggleAddress.parse("dns:///toggles.example:50051");
        assertThat(address.endpoints()).containsExactly("toggles.example:50051");
        assertThat(address.several()).isTrue();
    }

    @Test
    void aBadEndpointIsNamedAndAHostileOneIsNotEchoed() {
        assertThatIllegalArgumentException().isThrownBy(() -> ToggleAddress.parse("toggle-a:50051,toggle-b"))
                .withMessageContaining("'toggle-b'").withMessageContaining("host:port");
        assertThatIllegalArgumentException().isThrownBy(() -> ToggleAddress.parse("toggle-a:50051,"))
                .withMessageContaining("''");
        assertThatIllegalArgumentException().isThrownBy(() -> ToggleAddress.parse("toggle-a:70000"))
                .withMessageContaining("port 70000");
        assertThatIllegalArgumentException().isThrownBy(() -> ToggleAddress.parse("dns:///a:1,b:2"))
                .withMessageContaining("dns:/// takes one name");
        assertThatIllegalArgumentException().isThrownBy(() -> ToggleAddress.parse("evil\u001b[2J:50051"))
                .withMessageContaining("control character").withMessageNotContaining("\u001b");
        assertThatIllegalArgumentException().isThrownBy(() -> ToggleAddress.parse("x".repeat(100_000)))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300).contains("100000 characters"));
    }
}
