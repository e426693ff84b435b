package io.stratastor.rodent.events.jmx.impl;

import java.util.Map;

/**
 * The pipeline as JMX sees it, under {@value PipelineMBeanComponent#OBJECT_NAME}. An MXBean: every
 * attribute and parameter maps to an open type (maps become {@code TabularData} with {@code key}
 * and {@code value} columns), so jconsole, hawtio or a plain JMX client read it without our classes.
 * Each attribute reads a fresh snapshot of the stats. Never shows the token.
 */
public interface PipelineMXBean {

    boolean isInitialized();

    long getEmitted();

    long getFiltered();

    long getRejected();

    long getDropped();

    /** Events refused because the spool was full, failing or stopping, by level ({@code info}, {@code warn}, …). */
    Map<String, Long> getDroppedByLevel();

    long getSent();

    long getBatchesSent();

    long getFailedSends();

    long getAuthFailures();

    /** Events in batches Toggle refused for good, since the core started. */
    long getDeadLettered();

    /** Events held and not yet acknowledged by Toggle. */
    int getPending();

    int getInFlight();

    /** Age of the oldest event not yet acknowledged, in milliseconds; 0 when none waits. */
    long getOldestPendingAgeMs();

    /** Events per second Toggle acknowledged over the last few seconds. */
    double getDrainRate();

    String getToggleAddress();

    /** {@code not_configured}, {@code connecting}, {@code connected}, {@code unavailable} or {@code auth_failed}. */
    String getToggleState();

    /** Whether a token is configured; the token itself is never shown. */
    boolean isTokenSet();

    /** The last failed send's status and description; empty when none. */
    String getLastError();

    /** {@code ok}, {@code full}, {@code disk_error}, or {@code memory} when the spool could not open. */
    String getSpoolState();

    String getSpoolDirectory();

    long getSpoolBytes();

    long getSpoolCapacityBytes();

    long getSpoolSegments();

    long getQuarantinedRecords();

    long getDiskErrors();

    String getSpoolLastError();

    /** The batch ids of the dead letters kept now, oldest first. */
    String[] getDeadLetterBatchIds();

    /** Every stats key ({@code EventSystem.stats()}) with its value as text. */
    Map<String, String> getStats();

    /** The effective configuration of PID {@code rodent.events}: stored values over the metatype defaults; secrets as set/not set. */
    Map<String, String> getConfiguration();

    /**
     * Ships what is pending now and waits for Toggle.
     *
     * @param timeoutSeconds how long to wait, 1 to 3600
     * @return true when nothing was pending at return
     */
    boolean flush(long timeoutSeconds);

    /**
     * Puts one dead letter's events back into the spool.
     *
     * @return the number of events queued again
     * @throws IllegalArgumentException naming the batch id when no dead letter has it
     */
    int resendDeadLetter(String batchId);

    /** Puts every dead letter's events back into the spool; returns how many events. */
    int resendAllDeadLetters();
}
