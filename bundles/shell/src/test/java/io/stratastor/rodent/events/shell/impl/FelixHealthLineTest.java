package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;

class FelixHealthLineTest {

    @Test
    void allOkIsOneWord() {
        assertThat(FelixHealthLine.summary(Map.of("Rodent Events: Toggle", new Result(Result.Status.OK, "fine"),
                "Rodent Events: spool", new Result(Result.Status.OK, "fine")))).isEqualTo("OK (2 checks)");
    }

    @Test
    void theWorstStatusLeadsAndEachFailingCheckSaysWhy() {
        Map<String, Result> results = new LinkedHashMap<>();
        results.put("Rodent Events: Toggle", new Result(Result.Status.CRITICAL, "Toggle at t:1 is not reachable"));
        results.put("Rodent Events: spool", new Result(Result.Status.OK, "fine"));
        results.put("Rodent Events: backlog", new Result(Result.Status.WARN, "the oldest is\nold"));

        assertThat(FelixHealthLine.summary(results))
                .isEqualTo("CRITICAL — toggle: Toggle at t:1 is not reachable; backlog: the oldest is old");
    }
}
