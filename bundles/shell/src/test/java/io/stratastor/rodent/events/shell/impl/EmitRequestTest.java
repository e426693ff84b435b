package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmitRequestTest {

    @Test
    void typeAloneTakesTheDefaults() throws Exception {
        EmitRequest request = EmitRequest.parse("storage.pool.created");

        assertThat(request).isEqualTo(new EmitRequest("storage.pool.created", "info", null, java.util.Map.of(), null, 1, 0));
    }

    @Test
    void optionsMayComeBeforeOrAfterTheTypeInBothForms() throws Exception {
        EmitRequest request = EmitRequest.parse("--level", "error", "storage.pool.created", "--source=zpool-cli",
                "--meta", "pool=tank", "--meta=host=node-1", "--payload", "{\"pool_name\":\"tank\"}", "--count", "3");

        assertThat(request.type()).isEqualTo("storage.pool.created");
        assertThat(request.level()).isEqualTo("error");
        assertThat(request.source()).isEqualTo("zpool-cli");
        assertThat(request.metadata()).containsOnly(
                org.assertj.core.api.Assertions.entry("pool", "tank"), org.assertj.core.api.Assertions.entry("host", "node-1"));
        assertThat(request.payloadJson()).isEqualTo("{\"pool_name\":\"tank\"}");
        assertThat(request.count()).isEqualTo(3);
    }

    @Test
    void metaValueMayHoldEqualsSigns() throws Exception {
        assertThat(EmitRequest.parse("t", "--meta", "filter=a=b").metadata()).containsEntry("filter", "a=b");
    }

    @Test
    void missingTypeShowsUsage() {
        assertThatThrownBy(() -> EmitRequest.parse()).hasMessage("missing event type; " + EmitRequest.USAGE);
        assertThatThrownBy(() -> EmitRequest.parse("--level", "warn")).hasMessageStartingWith("missing event type; usage:");
    }

    @Test
    void secondTypeIsRefused() {
        assertThatThrownBy(() -> EmitRequest.parse("a.b", "c.d"))
                .hasMessageStartingWith("unexpected argument 'c.d' after type a.b; usage: events:emit TYPE");
    }

    @Test
    void unknownOptionListsTheAcceptedOnes() {
        assertThatThrownBy(() -> EmitRequest.parse("t", "--lvl", "info"))
                .isInstanceOf(CommandException.class)
                .hasMessage("unknown option '--lvl'; accepted: --level, --source, --meta, --payload, --count, --rate");
    }

    @Test
    void optionWithoutValueIsRefused() {
        assertThatThrownBy(() -> EmitRequest.parse("t", "--payload")).hasMessageStartingWith("option --payload needs a value;");
    }

    @Test
    void repeatedSingleOptionIsRefused() {
        assertThatThrownBy(() -> EmitRequest.parse("t", "--level", "info", "--level", "warn"))
                .hasMessage("option --level given twice; it takes one value");
    }

    @Test
    void malformedOrRepeatedMetaIsRefused() {
        assertThatThrownBy(() -> EmitRequest.parse("t", "--meta", "pool")).hasMessageContaining("--meta takes key=value");
        assertThatThrownBy(() -> EmitRequest.parse("t", "--meta", "=tank")).hasMessageContaining("--meta takes key=value");
        assertThatThrownBy(() -> EmitRequest.parse("t", "--meta", "pool=a", "--meta", "pool=b"))
                .hasMessage("--meta key 'pool' given twice; give each key once");
    }

    @Test
    void countBelowOneOrNotANumberIsRefused() {
        assertThatThrownBy(() -> EmitRequest.parse("t", "--count", "0")).hasMessageStartingWith("--count takes a whole number from 1");
        assertThatThrownBy(() -> EmitRequest.parse("t", "--count", "many")).hasMessageContaining("got 'many'");
    }

    @Test
    void blankSourceIsRefused() {
        assertThatThrownBy(() -> EmitRequest.parse("t", "--source", " ")).hasMessageStartingWith("--source must not be blank");
    }

    @Test
    void rateIsEventsPerSecondAboveZero() throws Exception {
        assertThat(EmitRequest.parse(new String[] {"storage.pool.created", "--count", "100", "--rate", "250.5"}).rate()).isEqualTo(250.5);
        assertThatThrownBy(() -> EmitRequest.parse(new String[] {"storage.pool.created", "--rate", "0"}))
                .hasMessageContaining("--rate takes events per second above 0");
        assertThatThrownBy(() -> EmitRequest.parse(new String[] {"storage.pool.created", "--rate", "fast"}))
                .hasMessageContaining("got 'fast'");
    }
}
