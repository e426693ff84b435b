package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import org.junit.jupiter.api.Test;

class TailRequestTest {

    @Test
    void defaultsShowTheLastTwentyOfEverything() throws Exception {
        assertThat(TailRequest.parse()).isEqualTo(new TailRequest(20, false, null, null, null));
    }

    @Test
    void readsEveryOption() throws Exception {
        TailRequest request = TailRequest.parse("-n", "5", "-f", "--level", "WARN", "--category=storage", "--type", "Storage.Pool.*");

        assertThat(request).isEqualTo(new TailRequest(5, true, Level.WARN, Category.STORAGE, "storage.pool.*"));
    }

    @Test
    void levelKeepsThatLevelAndAbove() throws Exception {
        TailRequest warn = TailRequest.parse("--level", "warn");

        assertThat(warn.matches(TestEvents.event("storage.pool.created", Level.INFO))).isFalse();
        assertThat(warn.matches(TestEvents.event("storage.pool.created", Level.WARN))).isTrue();
        assertThat(warn.matches(TestEvents.event("storage.pool.created", Level.CRITICAL))).isTrue();
    }

    @Test
    void levelsRankTraceDebugInfoWarnThenErrorWithEssentialThenCritical() throws Exception {
        TailRequest debug = TailRequest.parse("--level", "debug");
        TailRequest error = TailRequest.parse("--level", "error");
        TailRequest essential = TailRequest.parse("--level", "ESSENTIAL");

        assertThat(debug.matches(TestEvents.event("storage.pool.created", Level.TRACE))).isFalse();
        assertThat(debug.matches(TestEvents.event("storage.pool.created", Level.DEBUG))).isTrue();
        assertThat(debug.matches(TestEvents.event("storage.pool.created", Level.INFO))).isTrue();
        assertThat(error.matches(TestEvents.event("storage.pool.created", Level.WARN))).isFalse();
        assertThat(error.matches(TestEvents.event("storage.pool.created", Level.ESSENTIAL))).isTrue();
        assertThat(essential.matches(TestEvents.event("storage.pool.created", Level.ERROR))).isTrue();
        assertThat(essential.matches(TestEvents.event("storage.pool.created", Level.CRITICAL))).isTrue();
        assertThat(TailRequest.parse("--level", "warn").matches(TestEvents.event("storage.pool.created", Level.TRACE))).isFalse();
        assertThat(TailRequest.parse("--level", "trace").matches(Event.newBuilder().setEventType("storage.pool.created").build()))
                .as("an event without a level").isFalse();
        assertThat(TailRequest.parse().matches(TestEvents.event("storage.pool.created", Level.TRACE))).isTrue();
    }

    @Test
    void categoryKeepsOnlyThatCategory() throws Exception {
        TailRequest network = TailRequest.parse("--category", "network");

        assertThat(network.matches(TestEvents.event("network.interface.up", Level.INFO))).isTrue();
        assertThat(network.matches(TestEvents.event("storage.pool.created", Level.INFO))).isFalse();
    }

    @Test
    void typeIsAGlobOrADottedPrefix() {
        assertThat(TailRequest.typeFilter("storage.pool.*").test("storage.pool.created")).isTrue();
        assertThat(TailRequest.typeFilter("storage.pool.*").test("storage.dataset.created")).isFalse();
        assertThat(TailRequest.typeFilter("storage.*.created").test("storage.snapshot.created")).isTrue();
        assertThat(TailRequest.typeFilter("storage.pool.?reated").test("storage.pool.created")).isTrue();
        assertThat(TailRequest.typeFilter("storage.pool").test("storage.pool.created")).isTrue();
        assertThat(TailRequest.typeFilter("storage.pool").test("storage.pool")).isTrue();
        assertThat(TailRequest.typeFilter("storage.po").test("storage.pool.created")).isFalse();
        assertThat(TailRequest.typeFilter("storage.pool.created").test("storage.pool.created")).isTrue();
    }

    @Test
    void filtersCombine() throws Exception {
        TailRequest request = TailRequest.parse("--level", "error", "--type", "storage.pool");

        assertThat(request.matches(TestEvents.event("storage.pool.resilvered", Level.ERROR))).isTrue();
        assertThat(request.matches(TestEvents.event("storage.pool.created", Level.INFO))).isFalse();
        assertThat(request.matches(TestEvents.event("storage.dataset.created", Level.ERROR))).isFalse();
    }

    @Test
    void badArgumentsSayWhatIsAccepted() {
        assertThatThrownBy(() -> TailRequest.parse("-n", "-1")).hasMessage("-n takes a whole number from 0 to 100000, got '-1'");
        assertThatThrownBy(() -> TailRequest.parse("--level", "loud"))
                .hasMessage("unknown level 'loud'; expected one of info, warn, error, critical, essential, debug, trace");
        assertThatThrownBy(() -> TailRequest.parse("--category", "disks")).hasMessageStartingWith("unknown category 'disks'; expected one of system,");
        assertThatThrownBy(() -> TailRequest.parse("--type", "storage/pool")).hasMessageStartingWith("--type takes a dotted type, a dotted prefix");
        assertThatThrownBy(() -> TailRequest.parse("storage.pool")).hasMessage("unexpected argument 'storage.pool'; " + TailRequest.USAGE);
        assertThatThrownBy(() -> TailRequest.parse("--grep", "x")).hasMessageStartingWith("unknown option '--grep'; accepted: -n/--lines VALUE, -f/--follow,");
    }
}
