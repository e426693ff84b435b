package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.UnmigratedType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnmigratedCommandTest {
    private final FakeEventSystem system = new FakeEventSystem();

    private UnmigratedCommand command() {
        UnmigratedCommand command = new UnmigratedCommand();
        command.setEventSystem(system);
        return command;
    }

    @Test
    void listsTypeCategorySourceAndCount() {
        system.unmigrated.add(new UnmigratedType("security.user.created", Category.SECURITY, "ad-manager", 12,
                Instant.parse("2026-12-01T08:00:00Z")));
        system.unmigrated.add(new UnmigratedType("service.server.shutdown", Category.SERVICE, "rodent", 1,
                Instant.parse("2026-12-01T08:01:00Z")));

        assertThat(command().unmigrated()).isEqualTo(
                "security.user.created    security      ad-manager        12  2026-12-01T08:00:00Z\n"
                + "service.server.shutdown  service       rodent             1  2026-12-01T08:01:00Z\n"
                + "2 types and sources; migrate these modules to the typed emitters (docs/IMPLEMENTATION.md)");
    }

    @Test
    void saysWhenThereAreNoneAndWhenTheCoreIsAway() {
        assertThat(command().unmigrated()).startsWith("no unmigrated types");
        assertThat(new UnmigratedCommand().unmigrated()).isEqualTo(StatsCommand.NOT_RUNNING);
    }
}
