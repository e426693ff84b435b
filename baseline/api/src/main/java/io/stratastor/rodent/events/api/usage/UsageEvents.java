package io.stratastor.rodent.events.api.usage;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.UsageQuotaPayload;
import io.stratastor.rodent.events.proto.events.UsageResourcePayload;
import io.stratastor.rodent.events.proto.events.UsageThresholdPayload;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Emits usage events: one method per usage payload message, and one fixed-type method per
 * type, which picks the type's level. Registered as a DS service by the usage bundle; thread-safe.
 *
 * <p>Every method without a fixed type takes a dotted event type of the usage category (an
 * {@code EventTypes.USAGE_*} constant) whose payload message is the one the method takes;
 * every method takes metadata (null means none). The methods without a {@code source} fill in
 * {@value #SOURCE}; the overloads with one use it.
 *
 * <p>Run-time conditions (Toggle down, buffer full) never throw. Programming errors throw
 * {@link IllegalArgumentException} naming the problem: an unknown type, a type of another
 * category or with another payload message, a null payload, type or level.
 */
@ProviderType
public interface UsageEvents {

    /** Default source of usage events. */
    String SOURCE = "usage-monitor";

    /** An event with a {@link UsageQuotaPayload} ({@code usage.quota.*}), from {@value #SOURCE}. */
    void emitQuota(String eventType, Level level, UsageQuotaPayload payload, Map<String, String> metadata);

    /** An event with a {@link UsageQuotaPayload}, from {@code source}. */
    void emitQuota(String source, String eventType, Level level, UsageQuotaPayload payload, Map<String, String> metadata);

    /** {@code usage.quota.warning} at {@link Level#WARN} (a threshold short of the quota), from {@value #SOURCE}. */
    void emitQuotaWarning(UsageQuotaPayload payload, Map<String, String> metadata);

    /** {@code usage.quota.exceeded} at {@link Level#WARN} (the quota's threshold is crossed), from {@value #SOURCE}. */
    void emitQuotaExceeded(UsageQuotaPayload payload, Map<String, String> metadata);

    /** {@code usage.quota.reset} at {@link Level#INFO}, from {@value #SOURCE}. */
    void emitQuotaReset(UsageQuotaPayload payload, Map<String, String> metadata);

    /** {@code usage.quota.updated} at {@link Level#INFO}, from {@value #SOURCE}. */
    void emitQuotaUpdated(UsageQuotaPayload payload, Map<String, String> metadata);

    /** An event with a {@link UsageResourcePayload} ({@code usage.resource.*}), from {@value #SOURCE}. */
    void emitResource(String eventType, Level level, UsageResourcePayload payload, Map<String, String> metadata);

    /** An event with a {@link UsageResourcePayload}, from {@code source}. */
    void emitResource(String source, String eventType, Level level, UsageResourcePayload payload, Map<String, String> metadata);

    /** {@code usage.resource.measured} at {@link Level#INFO}, from {@value #SOURCE}. */
    void emitResourceMeasured(UsageResourcePayload payload, Map<String, String> metadata);

    /** {@code usage.resource.increased} at {@link Level#INFO}, from {@value #SOURCE}. */
    void emitResourceIncreased(UsageResourcePayload payload, Map<String, String> metadata);

    /** {@code usage.resource.decreased} at {@link Level#INFO}, from {@value #SOURCE}. */
    void emitResourceDecreased(UsageResourcePayload payload, Map<String, String> metadata);

    /** An event with a {@link UsageThresholdPayload} ({@code usage.threshold.*}), from {@value #SOURCE}. */
    void emitThreshold(String eventType, Level level, UsageThresholdPayload payload, Map<String, String> metadata);

    /** An event with a {@link UsageThresholdPayload}, from {@code source}. */
    void emitThreshold(String source, String eventType, Level level, UsageThresholdPayload payload, Map<String, String> metadata);

    /** {@code usage.threshold.approached} at {@link Level#WARN}, from {@value #SOURCE}. */
    void emitThresholdApproached(UsageThresholdPayload payload, Map<String, String> metadata);

    /** {@code usage.threshold.exceeded} at {@link Level#WARN}, from {@value #SOURCE}. */
    void emitThresholdExceeded(UsageThresholdPayload payload, Map<String, String> metadata);

    /** {@code usage.threshold.cleared} at {@link Level#INFO}, from {@value #SOURCE}. */
    void emitThresholdCleared(UsageThresholdPayload payload, Map<String, String> metadata);
}
