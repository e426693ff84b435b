package io.stratastor.rodent.events.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.proto.events.SecurityAuthPayload;
import io.stratastor.rodent.events.proto.events.SecurityKeyPayload;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultSourcesLookupTest {
    private final DefaultSources security = DefaultSources.of(Category.SECURITY, Map.of(
            "", "monitor",
            SecurityAuthPayload.getDescriptor().getFullName(), "auth",
            SecurityKeyPayload.getDescriptor().getFullName(), "keys"));

    @Test
    void aTypeTakesTheSourceOfItsPayloadMessageNotOfItsPrefix() {
        assertThat(security.of(EventTypes.SECURITY_SSH_KEY_ADDED)).isEqualTo("keys");
        assertThat(security.of(EventTypes.SECURITY_SSH_CONNECTION_FAILED)).isEqualTo("auth");
    }

    @Test
    void theEmptyKeyServesTheTypesWithoutPayload() {
        assertThat(security.of(EventTypes.SECURITY_INTRUSION_DETECTED)).isEqualTo("monitor");
    }

    @Test
    void unknownTypesTypesOfOtherCategoriesAndMessagesWithoutARowHaveNoSource() {
        assertThat(security.of("security.nothing.like.it")).isNull();
        assertThat(security.of(EventTypes.STORAGE_POOL_CREATED)).isNull();
        assertThat(security.of(null)).isNull();
        assertThat(security.of(EventTypes.SECURITY_CERTIFICATE_EXPIRED)).isNull();
    }
}
