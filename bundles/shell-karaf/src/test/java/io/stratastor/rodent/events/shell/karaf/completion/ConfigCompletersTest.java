package io.stratastor.rodent.events.shell.karaf.completion;

import static io.stratastor.rodent.events.shell.karaf.completion.CompletionLine.candidates;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigCompletersTest {
    private final ConfigKeyCompleter keys = new ConfigKeyCompleter(FakeMetatype.CONTEXT, FakeMetatype.SERVICE);
    private final ConfigValueCompleter values = new ConfigValueCompleter(FakeMetatype.CONTEXT, FakeMetatype.SERVICE);

    @Test
    void keysCompleteFromTheMetatypeOfThePid() {
        assertThat(candidates(keys, "events:config", "batch")).containsExactlyInAnyOrder("batch_size", "batch_timeout");
        assertThat(candidates(keys, "events:config", "toggle.")).containsExactlyInAnyOrder("toggle.schema", "toggle.tls", "toggle.jwt");
        assertThat(candidates(keys, "events:config", "--unset", "batch_s")).containsExactly("batch_size");
    }

    @Test
    void anEnumeratedKeysValuesCompleteFromItsOptions() {
        assertThat(candidates(values, "events:config", "toggle.schema", "")).containsExactlyInAnyOrder("2025-09", "2025-12");
        assertThat(candidates(values, "events:config", "toggle.schema", "2025-1")).containsExactly("2025-12");
    }

    @Test
    void aBooleanKeyOffersTrueAndFalse() {
        assertThat(candidates(values, "events:config", "toggle.tls", "")).containsExactlyInAnyOrder("true", "false");
    }

    @Test
    void freeValuedAndUnknownKeysOfferNothing() {
        assertThat(candidates(values, "events:config", "batch_size", "")).isEmpty();
        assertThat(candidates(values, "events:config", "no_such_key", "")).isEmpty();
    }

    @Test
    void withoutMetatypeNothingIsOffered() {
        assertThat(candidates(new ConfigKeyCompleter(FakeMetatype.CONTEXT, null), "events:config", "")).isEmpty();
        assertThat(candidates(new ConfigValueCompleter(FakeMetatype.CONTEXT, null), "events:config", "toggle.schema", "")).isEmpty();
    }
}
