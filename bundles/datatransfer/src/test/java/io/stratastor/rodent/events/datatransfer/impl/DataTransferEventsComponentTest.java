package io.stratastor.rodent.events.datatransfer.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.Meta;
import io.stratastor.rodent.events.api.datatransfer.DataTransferEvents;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.proto.events.DataTransferTransferPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataTransferEventsComponentTest {
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
    private final DataTransferEventsComponent dataTransfer = new DataTransferEventsComponent(recorder);

    private Published expected(String type, Level level, Message payload) {
        return new Published(Category.DATA_TRANSFER, type, level, DataTransferEvents.SOURCE, payload, META);
    }

    @Test
    void fixedTransferMethodsPickTypeLevelAndTheDefaultSource() {
        DataTransferTransferPayload payload = DataTransferTransferPayload.newBuilder().setTransferId("t-1")
                .setTransferInfoJson("{\"source\": \"tank/home@daily\"}").build();

        dataTransfer.emitTransferStarted(payload, META);
        dataTransfer.emitTransferProgress(payload, META);
        dataTransfer.emitTransferCompleted(payload, META);
        dataTransfer.emitTransferFailed(payload, META);
        dataTransfer.emitTransferCancelled(payload, META);
        dataTransfer.emitTransferPaused(payload, META);
        dataTransfer.emitTransferResumed(payload, META);
        dataTransfer.emitTransferDeleted(payload, META);

        assertThat(published).containsExactly(
                expected(EventTypes.DATA_TRANSFER_TRANSFER_STARTED, Level.INFO, payload),
                expected(EventTypes.DATA_TRANSFER_TRANSFER_PROGRESS, Level.INFO, payload),
                expected(EventTypes.DATA_TRANSFER_TRANSFER_COMPLETED, Level.INFO, payload),
                expected(EventTypes.DATA_TRANSFER_TRANSFER_FAILED, Level.ERROR, payload),
                expected(EventTypes.DATA_TRANSFER_TRANSFER_CANCELLED, Level.WARN, payload),
                expected(EventTypes.DATA_TRANSFER_TRANSFER_PAUSED, Level.WARN, payload),
                expected(EventTypes.DATA_TRANSFER_TRANSFER_RESUMED, Level.INFO, payload),
                expected(EventTypes.DATA_TRANSFER_TRANSFER_DELETED, Level.WARN, payload));
    }

    @Test
    void typedMethodsFillTheDefaultSourceAndOverloadsKeepTheGivenOne() {
        DataTransferTransferPayload payload = DataTransferTransferPayload.newBuilder().setTransferId("t-2").build();

        dataTransfer.emitTransfer(EventTypes.DATA_TRANSFER_TRANSFER_STARTED, Level.INFO, payload, null);
        dataTransfer.emitTransfer("replication-scheduler", EventTypes.DATA_TRANSFER_TRANSFER_STARTED, Level.INFO, payload, null);
        dataTransfer.emit(null, EventTypes.DATA_TRANSFER_TRANSFER_FAILED, Level.ERROR, payload, null);

        assertThat(published).extracting(Published::source)
                .containsExactly(DataTransferEvents.SOURCE, "replication-scheduler", DataTransferEvents.SOURCE);
        assertThat(published).extracting(Published::category).containsOnly(Category.DATA_TRANSFER);
        assertThat(dataTransfer.category()).isEqualTo(Category.DATA_TRANSFER);
    }
}
