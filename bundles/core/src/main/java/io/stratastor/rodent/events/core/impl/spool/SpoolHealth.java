package io.stratastor.rodent.events.core.impl.spool;

import io.stratastor.rodent.events.core.impl.settings.OverflowPolicy;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool's state ({@code ok}, {@code full}, {@code disk_error}), logged once per change.
 * Thread-safe: changes are synchronised, the hot-path checks read volatiles.
 */
final class SpoolHealth {
    static final String OK = "ok";
    static final String FULL = "full";
    static final String DISK_ERROR = "disk_error";

    /** What failed; each clears only when that same operation succeeds again. */
    enum Operation {
        APPEND("creating a segment"),
        CHECKPOINT("writing the checkpoint"),
        SYNC("forcing to disk");

        final String doing;

        Operation(String doing) {
            this.doing = doing;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SpoolHealth.class);

    private final String directory;
    private final Map<Operation, String> failures = new EnumMap<>(Operation.class);
    private volatile boolean full;
    private volatile boolean failing;
    private volatile String lastError = "";

    SpoolHealth(String directory) {
        this.directory = directory;
    }

    String state() {
        return failing ? DISK_ERROR : full ? FULL : OK;
    }

    /** The message of the newest disk failure still in effect, or "". */
    String lastError() {
        return failing ? lastError : "";
    }

    boolean full() {
        return full;
    }

    void refusing(long pendingBytes, long capacityBytes, OverflowPolicy policy) {
        if (!full) {
            synchronized (this) {
                if (!full) {
                    full = true;
                    LOG.warn("Event spool {} is full ({} of {} bytes unacknowledged): refusing events ({})", directory,
                            pendingBytes, capacityBytes, policy);
                }
            }
        }
    }

    void roomAgain(long pendingBytes, long capacityBytes) {
        if (full) {
            synchronized (this) {
                if (full) {
                    full = false;
                    LOG.info("Event spool {} has room again ({} of {} bytes unacknowledged)", directory, pendingBytes, capacityBytes);
                }
            }
        }
    }

    synchronized void failed(Operation operation, Throwable e) {
        String message = String.valueOf(e.getMessage());
        lastError = operation.doing + ": " + message;
        if (failures.put(operation, message) == null) {
            LOG.warn("Event spool {}: disk error {} ({}); events already spooled are kept, retrying", directory,
                    operation.doing, e.toString());
        }
        failing = true;
    }

    void succeeded(Operation operation) {
        if (failing) {
            synchronized (this) {
                if (failures.remove(operation) != null) {
                    LOG.info("Event spool {}: {} works again", directory, operation.doing);
                }
                failing = !failures.isEmpty();
            }
        }
    }
}
