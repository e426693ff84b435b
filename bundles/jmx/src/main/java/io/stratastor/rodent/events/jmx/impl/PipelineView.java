package io.stratastor.rodent.events.jmx.impl;

import io.stratastor.rodent.events.api.DeadLetter;
import io.stratastor.rodent.events.api.DeadLetterQueue;
import io.stratastor.rodent.events.api.EventStats;
import io.stratastor.rodent.events.api.EventSystem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/** The MXBean's implementation over the core's services; every read takes a fresh snapshot. Thread-safe. */
final class PipelineView implements PipelineMXBean {
    static final long MAX_FLUSH_SECONDS = 3600;

    private final EventSystem eventSystem;
    private final DeadLetterQueue deadLetters;
    private final Supplier<Map<String, String>> configuration;

    PipelineView(EventSystem eventSystem, DeadLetterQueue deadLetters, Supplier<Map<String, String>> configuration) {
        this.eventSystem = Objects.requireNonNull(eventSystem);
        this.deadLetters = Objects.requireNonNull(deadLetters);
        this.configuration = Objects.requireNonNull(configuration);
    }

    @Override
    public boolean isInitialized() {
        return eventSystem.snapshot().initialized();
    }

    @Override
    public long getEmitted() {
        return intake().emitted();
    }

    @Override
    public long getFiltered() {
        return intake().filtered();
    }

    @Override
    public long getRejected() {
        return intake().rejected();
    }

    @Override
    public long getDropped() {
        return intake().dropped();
    }

    @Override
    public Map<String, Long> getDroppedByLevel() {
        Map<String, Long> byLevel = new LinkedHashMap<>();
        intake().droppedByLevel().forEach((level, count) -> byLevel.put(level.label(), count));
        return byLevel;
    }

    @Override
    public long getSent() {
        return shipping().sent();
    }

    @Override
    public long getBatchesSent() {
        return shipping().batchesSent();
    }

    @Override
    public long getFailedSends() {
        return shipping().failedSends();
    }

    @Override
    public long getAuthFailures() {
        return shipping().authFailures();
    }

    @Override
    public long getDeadLettered() {
        return shipping().deadLettered();
    }

    @Override
    public int getPending() {
        return store().pending();
    }

    @Override
    public int getInFlight() {
        return shipping().inFlight();
    }

    @Override
    public long getOldestPendingAgeMs() {
        return store().oldestPendingAgeMs();
    }

    @Override
    public double getDrainRate() {
        return shipping().drainRate();
    }

    @Override
    public String getToggleAddress() {
        return shipping().toggleAddress();
    }

    @Override
    public String getToggleState() {
        return shipping().toggleState();
    }

    @Override
    public boolean isTokenSet() {
        return shipping().tokenSet();
    }

    @Override
    public String getLastError() {
        return shipping().lastError();
    }

    @Override
    public String getSpoolState() {
        return store().state();
    }

    @Override
    public String getSpoolDirectory() {
        return spool(EventStats.Spool::directory, "");
    }

    @Override
    public long getSpoolBytes() {
        return spool(EventStats.Spool::bytes, 0L);
    }

    @Override
    public long getSpoolCapacityBytes() {
        return spool(EventStats.Spool::capacityBytes, 0L);
    }

    @Override
    public long getSpoolSegments() {
        return spool(EventStats.Spool::segments, 0L);
    }

    @Override
    public long getQuarantinedRecords() {
        return spool(EventStats.Spool::quarantinedRecords, 0L);
    }

    @Override
    public long getDiskErrors() {
        return spool(EventStats.Spool::diskErrors, 0L);
    }

    @Override
    public String getSpoolLastError() {
        return spool(EventStats.Spool::lastError, "");
    }

    @Override
    public String[] getDeadLetterBatchIds() {
        return deadLetters.list().stream().map(DeadLetter::batchId).toArray(String[]::new);
    }

    @Override
    public Map<String, String> getStats() {
        Map<String, String> stats = new LinkedHashMap<>();
        eventSystem.stats().forEach((key, value) -> stats.put(key, value == null ? "" : String.valueOf(value)));
        return stats;
    }

    @Override
    public Map<String, String> getConfiguration() {
        return configuration.get();
    }

    @Override
    public boolean flush(long timeoutSeconds) {
        if (timeoutSeconds < 1 || timeoutSeconds > MAX_FLUSH_SECONDS) {
            throw new IllegalArgumentException("flush timeoutSeconds must be 1 to " + MAX_FLUSH_SECONDS + ", was " + timeoutSeconds);
        }
        try {
            return eventSystem.flush(timeoutSeconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public int resendDeadLetter(String batchId) {
        if (batchId == null || batchId.isBlank()) {
            throw new IllegalArgumentException("resendDeadLetter needs a batch id (DeadLetterBatchIds lists them), was '"
                    + batchId + "'");
        }
        // The queue's message names the id and lists the kept ones.
        return deadLetters.resend(batchId.strip());
    }

    @Override
    public int resendAllDeadLetters() {
        return deadLetters.resendAll();
    }

    private EventStats.Intake intake() {
        return eventSystem.snapshot().intake();
    }

    private EventStats.Shipping shipping() {
        return eventSystem.snapshot().shipping();
    }

    private EventStats.Store store() {
        return eventSystem.snapshot().store();
    }

    private <T> T spool(Function<EventStats.Spool, T> figure, T none) {
        EventStats.Spool spool = store().spool();
        return spool == null ? none : figure.apply(spool);
    }
}
