package io.stratastor.rodent.events.toggle;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventBatch;
import io.stratastor.rodent.events.proto.EventBatchResponse;
import io.stratastor.rodent.events.rpc.RodentServiceGrpc;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code rodent.RodentService/SendEvents}: admits each batch into the ledger, which hands its
 * new events to the outputs, then answers. Thread-safe: the ledger serialises admissions.
 */
final class SendEventsService extends RodentServiceGrpc.RodentServiceImplBase {
    private static final Logger LOG = LoggerFactory.getLogger(SendEventsService.class);

    private final EventLedger ledger;
    private final List<EventOutput> outputs;
    private final FaultPlan faults;
    private final ScheduledExecutorService lateAnswers;
    private final AtomicBoolean outputsFailing = new AtomicBoolean();

    SendEventsService(EventLedger ledger, List<EventOutput> outputs, FaultPlan faults, ScheduledExecutorService lateAnswers) {
        this.ledger = ledger;
        this.outputs = List.copyOf(outputs);
        this.faults = faults;
        this.lateAnswers = lateAnswers;
    }

    @Override
    public void sendEvents(EventBatch batch, StreamObserver<EventBatchResponse> responses) {
        Status failure = faults.takeFailure();
        if (failure != null) {
            responses.onError(failure.asRuntimeException());
            return;
        }
        if (faults.refusing()) {
            responses.onNext(EventBatchResponse.newBuilder().setSuccess(false)
                    .setMessage("refused " + batch.getEventsCount() + " events (fault injected by the reference Toggle)").build());
            responses.onCompleted();
            return;
        }
        EventLedger.Admission admission;
        try {
            admission = ledger.admit(batch, this::writeToOutputs);
        } catch (IOException e) {
            if (outputsFailing.compareAndSet(false, true)) {
                LOG.warn("outputs failing, answering INTERNAL so that clients retry: {}", e.getMessage());
            }
            responses.onError(Status.INTERNAL.withDescription("the sink could not store the batch; retry it").asRuntimeException());
            return;
        }
        if (outputsFailing.compareAndSet(true, false)) {
            LOG.info("outputs writable again");
        }
        if (admission.repeatedBatchId()) {
            LOG.info("batch {} received again ({} duplicates of {} events)", batch.getBatchId(), admission.duplicates(), batch.getEventsCount());
        }
        answer(batch, admission, responses);
    }

    // The events are stored; a planned delay only holds back the answer, on a scheduler, not a call thread.
    private void answer(EventBatch batch, EventLedger.Admission admission, StreamObserver<EventBatchResponse> responses) {
        Duration delay = faults.delay();
        if (delay.isZero()) {
            accept(batch, admission, responses);
        } else {
            lateAnswers.schedule(() -> accept(batch, admission, responses), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void accept(EventBatch batch, EventLedger.Admission admission, StreamObserver<EventBatchResponse> responses) {
        responses.onNext(EventBatchResponse.newBuilder()
                .setSuccess(true)
                .setMessage("accepted " + batch.getEventsCount() + " events (" + admission.duplicates() + " duplicates)")
                .build());
        responses.onCompleted();
    }

    private void writeToOutputs(List<Event> fresh) throws IOException {
        for (EventOutput output : outputs) {
            output.write(fresh);
        }
    }
}
