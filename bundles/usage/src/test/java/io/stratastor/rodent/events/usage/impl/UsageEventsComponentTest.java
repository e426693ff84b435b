package io.stratastor.rodent.events.usage.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.Meta;
import io.stratastor.rodent.events.api.usage.UsageEvents;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.proto.events.UsageQuotaPayload;
import io.stratastor.rodent.events.proto.events.UsageResourcePayload;
import io.stratastor.rodent.events.proto.events.UsageThresholdPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageEventsComponentTest {
    private record Published(Category category, String type, Level level, String source, Message payload, Map<String, String> metadata) {
    }

    private static final Map<String, String> META = Map.of(Meta.ACTION, "test");

    private final List<Published> published = new ArrayList<>();
    private final EventPublisher recorder = new EventPublisher() {
        @Override
        public void publish(Category category, String type, Level level, String source, Message payload, Map<String, String> metadata) {
            published.add(new Published(category, type, level, source, payload, metadata));
        }

        @Override
        public void publishLegacy(Category category, String type, Level level, String source, Message payload,
                Map<String, String> metadata) {
            throw new AssertionError("typed emitters never take the legacy path");
        }
    };
    private final UsageEventsComponent usage = new UsageEventsComponent(recorder);

    private Published expected(String type, Level level, Message payload) {
        return new Published(Category.USAGE, type, level, UsageEvents.SOURCE, payload, META);
    }

    @Test
    void fixedQuotaMethodsPickTypeLevelAndTheDefaultSource() {
        UsageQuotaPayload payload = UsageQuotaPayload.newBuilder().setOrganizationId("org-1")
                .setResourceType("storage").setCurrentUsage(95).setQuotaLimit(100).build();

        usage.emitQuotaWarning(payload, META);
        usage.emitQuotaExceeded(payload, META);
        usage.emitQuotaReset(payload, META);
        usage.emitQuotaUpdated(payload, META);

        assertThat(published).containsExactly(
                expected(EventTypes.USAGE_QUOTA_WARNING, Level.WARN, payload),
                expected(EventTypes.USAGE_QUOTA_EXCEEDED, Level.WARN, payload),
                expected(EventTypes.USAGE_QUOTA_RESET, Level.INFO, payload),
                expected(EventTypes.USAGE_QUOTA_UPDATED, Level.INFO, payload));
    }

    @Test
    void fixedResourceMethodsAreInfoFromTheDefaultSource() {
        UsageResourcePayload payload = UsageResourcePayload.newBuilder().setResourceId("tank/home")
                .setResourceType("dataset").setBytesUsed(1L << 30).build();

        usage.emitResourceMeasured(payload, META);
        usage.emitResourceIncreased(payload, META);
        usage.emitResourceDecreased(payload, META);

        assertThat(published).containsExactly(
                expected(EventTypes.USAGE_RESOURCE_MEASURED, Level.INFO, payload),
                expected(EventTypes.USAGE_RESOURCE_INCREASED, Level.INFO, payload),
                expected(EventTypes.USAGE_RESOURCE_DECREASED, Level.INFO, payload));
    }

    @Test
    void fixedThresholdMethodsWarnUntilTheThresholdClears() {
        UsageThresholdPayload payload = UsageThresholdPayload.newBuilder().setThresholdName("pool-capacity")
                .setMetricName("used_percent").setCurrentValue(91f).setThresholdValue(90f).build();

        usage.emitThresholdApproached(payload, META);
        usage.emitThresholdExceeded(payload, META);
        usage.emitThresholdCleared(payload, META);

        assertThat(published).containsExactly(
                expected(EventTypes.USAGE_THRESHOLD_APPROACHED, Level.WARN, payload),
                expected(EventTypes.USAGE_THRESHOLD_EXCEEDED, Level.WARN, payload),
                expected(EventTypes.USAGE_THRESHOLD_CLEARED, Level.INFO, payload));
    }

    @Test
    void typedMethodsFillTheDefaultSourceAndOverloadsKeepTheGivenOne() {
        UsageQuotaPayload payload = UsageQuotaPayload.newBuilder().setResourceType("storage").build();

        usage.emitQuota(EventTypes.USAGE_QUOTA_UPDATED, Level.INFO, payload, null);
        usage.emitQuota("quota-scheduler", EventTypes.USAGE_QUOTA_UPDATED, Level.INFO, payload, null);
        usage.emit(null, EventTypes.USAGE_RESOURCE_MEASURED, Level.INFO, UsageResourcePayload.getDefaultInstance(), null);

        assertThat(published).extracting(Published::source).containsExactly(UsageEvents.SOURCE, "quota-scheduler", UsageEvents.SOURCE);
        assertThat(published).extracting(Published::category).containsOnly(Category.USAGE);
        assertThat(usage.category()).isEqualTo(Category.USAGE);
    }
}
