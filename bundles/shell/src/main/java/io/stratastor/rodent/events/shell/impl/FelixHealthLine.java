package io.stratastor.rodent.events.shell.impl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;

/**
 * The {@code health} line of {@code events:stats}: the Felix health checks tagged {@value #TAG}, run
 * by the executor. The one class of the shell that touches Felix Health Checks, whose packages the
 * shell imports optionally: {@link StatsCommand} loads it only once an executor is there. Stateless.
 */
final class FelixHealthLine {
    static final String TAG = "rodent-events";
    private static final String NAME_PREFIX = "Rodent Events: ";

    private FelixHealthLine() {
    }

    /** @param executor a {@link HealthCheckExecutor}, typed {@code Object} so that callers need not see the class */
    static String of(Object executor) {
        List<HealthCheckExecutionResult> results = ((HealthCheckExecutor) executor).execute(HealthCheckSelector.tags(TAG));
        return summary(results.stream().collect(Collectors.toMap(result -> result.getHealthCheckMetadata().getName(),
                HealthCheckExecutionResult::getHealthCheckResult, (first, second) -> first, LinkedHashMap::new)));
    }

    /** {@code OK (4 checks)}, or the worst status and each failing check's short name and messages. */
    static String summary(Map<String, Result> results) {
        if (results.isEmpty()) {
            return "no checks tagged " + TAG + " ran (is bundle io.stratastor.rodent.events.health active?)";
        }
        Result.Status worst = results.values().stream().map(Result::getStatus).max(Enum::compareTo).orElseThrow();
        if (worst == Result.Status.OK) {
            return "OK (" + results.size() + " checks)";
        }
        return worst + " — " + results.entrySet().stream().filter(entry -> !entry.getValue().isOk())
                .map(entry -> shortName(entry.getKey()) + ": " + messages(entry.getValue())).collect(Collectors.joining("; "));
    }

    private static String shortName(String name) {
        return (name.startsWith(NAME_PREFIX) ? name.substring(NAME_PREFIX.length()) : name).toLowerCase(Locale.ROOT);
    }

    private static String messages(Result result) {
        return StreamSupport.stream(result.spliterator(), false).filter(entry -> !entry.isDebug())
                .map(entry -> CommandResults.oneLine(entry.getMessage())).collect(Collectors.joining(" / "));
    }
}
