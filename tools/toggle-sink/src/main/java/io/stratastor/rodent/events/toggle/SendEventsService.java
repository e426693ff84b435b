package io.stratastor.rodent.events.toggle;

import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.stratastor.rodent.events.rpc.RodentServiceGrpc;
import io.stratastor.rodent.events.upstream.DecodedBatch;
import io.stratastor.rodent.events.upstream.DecodedEvent;
import io.stratastor.rodent.events.upstream.StrictDecoder;
import io.stratastor.rodent.events.wire.v2025_09.EventBatchResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code rodent.RodentService/SendEvents} with the request as bytes: decodes each batch
 * strictly in the sink's wire generation, admits its events into the ledger, which hands the new
 * ones to the outputs, then answers with {@code EventBatchResponse} (the same two fields in both
 * generations). A counting service ({@link ToggleSinkBuilder#counting()}) decodes nothing: it walks
 * each batch's wire format, counts the entries of field 1 and records the count. Thread-safe: the
 * decoder is immutable and the ledger serialises admissions.
 */
final class SendEventsService {
    private static final Logger LOG = LoggerFactory.getLogger(SendEventsService.class);

    /** The request as it travels, so that either generation's batch reaches the decoder untouched. */
    static final MethodDescriptor<byte[], EventBatchResponse> SEND_EVENTS = RodentServiceGrpc.getSendEventsMethod()
            .toBuilder(RawBytes.MARSHALLER, RodentServiceGrpc.getSendEventsMethod().getResponseMarshaller()).build();

    /** Null in a counting service. */
    private final StrictDecoder decoder;
    private final EventLedger ledger;
    private final List<EventOutput> outputs;
    private final FaultPlan faults;
    /** Null when the intake is not capped. */
    private final IntakeCap intake;
    private final ScheduledExecutorService lateAnswers;
    private final AtomicBoolean outputsFailing = new AtomicBoolean();

    /** A decoding service; {@code decoder} null for a counting one. */
    SendEventsService(StrictDecoder decoder, EventLedger ledger, List<EventOutput> outputs, FaultPlan faults, IntakeCap intake,
            ScheduledExecutorService lateAnswers) {
        this.decoder = decoder;
        this.ledger = ledger;
        this.outputs = List.copyOf(outputs);
        this.faults = faults;
        this.intake = intake;
        this.lateAnswers = lateAnswers;
    }

    ServerServiceDefinition bindService() {
        return ServerServiceDefinition.builder(RodentServiceGrpc.SERVICE_NAME)
                .addMethod(SEND_EVENTS, ServerCalls.asyncUnaryCall(this::sendEvents))
                .build();
    }

    void sendEvents(byte[] request, StreamObserver<EventBatchResponse> responses) {
        StatusRuntimeException failure = faults.takeFailure();
        if (failure != null) {
            responses.onError(failure);
            return;
        }
        if (decoder == null) {
            count(request, responses);
            return;
        }
        DecodedBatch batch = decoder.decode(request);
        if (faults.refusing()) {
            respond(responses, false, "refused " + batch.events().size() + " events (fault injected by the reference Toggle)");
            return;
        }
        if (batch.events().isEmpty() && !batch.problems().isEmpty()) {
            LOG.warn("refused a batch that is no {} rodent.EventBatch: {}", decoder.generation(), String.join("; ", batch.problems()));
            respond(responses, false, "undecodable batch: " + String.join("; ", batch.problems()));
            return;
        }
        if (overCap(batch.events().size(), responses)) {
            return;
        }
        if (!batch.problems().isEmpty()) {
            LOG.warn("batch {}: {}", batch.batchId(), String.join("; ", batch.problems()));
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
            LOG.info("batch {} received again ({} duplicates of {} events)", batch.batchId(), admission.duplicates(), batch.events().size());
        }
        List<DecodedEvent> undecodable = admission.undecodable();
        if (!undecodable.isEmpty()) {
            LOG.warn("batch {}: {} new event(s) do not decode as {}: {}", batch.batchId(), undecodable.size(), decoder.generation(),
                    undecodable.stream().map(event -> String.join("; ", event.problems())).collect(Collectors.joining(" | ")));
        }
        answer(batch, admission, responses);
    }

    // Counting: the entries of EventBatch.events (field 1), the framing of all that is walked checked.
    private void count(byte[] request, StreamObserver<EventBatchResponse> responses) {
        long events;
        try {
            events = WireWalk.count(request, 1);
        } catch (WireWalk.MalformedException e) {
            LOG.warn("refused a batch that is no rodent.EventBatch: {}", e.getMessage());
            respond(responses, false, "undecodable batch: " + e.getMessage());
            return;
        }
        if (faults.refusing()) {
            respond(responses, false, "refused " + events + " events (fault injected by the reference Toggle)");
            return;
        }
        if (overCap((int) Math.min(Integer.MAX_VALUE, events), responses)) {
            return;
        }
        ledger.recordCounted(events);
        later(responses, "accepted " + events + " events (counted, not decoded)");
    }

    // Beyond the cap the whole batch is refused and nothing of it kept, so the client sends it again later.
    private boolean overCap(int events, StreamObserver<EventBatchResponse> responses) {
        long wait = intake == null ? 0 : intake.admit(events);
        if (wait == 0) {
            return false;
        }
        String why = "intake cap of " + intake.eventsPerSecond() + " events/s reached; room in " + wait + " ms";
        if (intake.pushback()) {
            Metadata trailers = new Metadata();
            trailers.put(FaultPlan.RETRY_PUSHBACK, Long.toString(wait));
            responses.onError(Status.RESOURCE_EXHAUSTED.withDescription(why).asRuntimeException(trailers));
        } else {
            responses.onError(Status.UNAVAILABLE.withDescription(why).asRuntimeException());
        }
        return true;
    }

    // The events are stored; a planned delay only holds back the answer, on a scheduler, not a call thread.
    private void answer(DecodedBatch batch, EventLedger.Admission admission, StreamObserver<EventBatchResponse> responses) {
        String message = "accepted " + batch.events().size() + " events (" + admission.duplicates() + " duplicates"
                + (admission.undecodable().isEmpty() ? "" : ", " + admission.undecodable().size() + " undecodable") + ")";
        later(responses, message);
    }

    private void later(StreamObserver<EventBatchResponse> responses, String message) {
        Duration delay = faults.delay();
        if (delay.isZero()) {
            respond(responses, true, message);
        } else {
            lateAnswers.schedule(() -> respond(responses, true, message), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void respond(StreamObserver<EventBatchResponse> responses, boolean success, String message) {
        responses.onNext(EventBatchResponse.newBuilder().setSuccess(success).setMessage(message).build());
        responses.onCompleted();
    }

    private void writeToOutputs(List<DecodedEvent> fresh) throws IOException {
        for (EventOutput output : outputs) {
            output.write(fresh);
        }
    }
}
