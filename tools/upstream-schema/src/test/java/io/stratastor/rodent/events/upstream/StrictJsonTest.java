package io.stratastor.rodent.events.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    @Test
    void parsesObjectsArraysStringsNumbersLiteralsInOrder() throws StrictJson.SyntaxError {
        Object value = StrictJson.parse(" {\"b\":[1,-0.5e+2,true,false,null],\"a\":\"x\\u00e9\\ud83d\\ude00\\n\"} ");

        assertThat(value).isEqualTo(Map.of("b", List.of(new StrictJson.JsonNumber("1"), new StrictJson.JsonNumber("-0.5e+2"),
                true, false, StrictJson.NULL), "a", "xé😀\n"));
        assertThat(List.copyOf(((Map<?, ?>) value).keySet())).isEqualTo(List.of("b", "a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,}", "[1,]", "NaN", "{\"a\":NaN}", "Infinity", "-Infinity", "01", "-01", "1.", ".5", "1e",
        "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "{} x", "[1] [2]", "{\"a\":1,\"a\":2}", "\"a\tb\"", "'a'", "{a:1}",
        "\"\\x\"", "", "[", "{\"a\"}", "tru", "+1"})
    void refusesWhatRfc8259OrUniqueKeysForbid(String text) {
        assertThatThrownBy(() -> StrictJson.parse(text)).isInstanceOf(StrictJson.SyntaxError.class);
    }

    @Test
    void refusesInvalidUtf8() {
        assertThatThrownBy(() -> StrictJson.parse(new byte[] {'"', (byte) 0xc3, '"'}))
                .isInstanceOf(StrictJson.SyntaxError.class).hasMessageStartingWith("not valid UTF-8");
        assertThatThrownBy(() -> StrictJson.parse(new byte[] {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}))
                .isInstanceOf(StrictJson.SyntaxError.class);
    }

    @Test
    void duplicateKeyIsNamed() {
        assertThatThrownBy(() -> StrictJson.parse("{\"k\":1,\"k\":2}")).hasMessageContaining("duplicate key \"k\"");
    }

    @Property
    void everyLongRoundTripsAsItsLiteral(@ForAll long value) throws StrictJson.SyntaxError {
        assertThat(JsonPayload.generic(StrictJson.parse("[" + value + "]"))).isEqualTo(List.of(value));
    }

    @Property
    void everyStringRoundTripsThroughGoStyleEscapes(@ForAll String text) throws StrictJson.SyntaxError {
        StringBuilder json = new StringBuilder("\"");
        text.chars().forEach(c -> json.append(String.format("\\u%04x", c)));
        boolean wellFormed = text.codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff);
        if (wellFormed) {
            assertThat(StrictJson.parse(json.append('"').toString().getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        }
    }
}
