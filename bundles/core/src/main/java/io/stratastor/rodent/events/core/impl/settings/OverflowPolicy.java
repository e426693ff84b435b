package io.stratastor.rodent.events.core.impl.settings;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.EventLevel;

/** Which events the spool refuses when its capacity runs out. Stateless. */
public enum OverflowPolicy {
    /**
     * Each level may fill the spool up to its own share of the capacity, so INFO (with DEBUG and
     * TRACE) is refused first and CRITICAL last; ESSENTIAL goes with ERROR.
     */
    BY_LEVEL,
    /** Any level fills the spool up to its whole capacity; beyond it the newest event is refused. */
    REFUSE_NEWEST;

    public static final int INFO_LIMIT_PERCENT = 70;
    public static final int WARN_LIMIT_PERCENT = 85;
    public static final int ERROR_LIMIT_PERCENT = 95;
    public static final int CRITICAL_LIMIT_PERCENT = 100;

    /** The pending bytes an event of {@code level} may bring the spool up to. */
    public long limitBytes(Level level, long capacityBytes) {
        return capacityBytes / 100 * limitPercent(level) + capacityBytes % 100 * limitPercent(level) / 100;
    }

    /** The share of the capacity, in percent, that {@code level} may fill. */
    public int limitPercent(Level level) {
        if (this == REFUSE_NEWEST) {
            return CRITICAL_LIMIT_PERCENT;
        }
        switch (level) {
            case TRACE:
            case DEBUG:
            case INFO:
                return INFO_LIMIT_PERCENT;
            case WARN:
                return WARN_LIMIT_PERCENT;
            case ESSENTIAL:
            case ERROR:
                return ERROR_LIMIT_PERCENT;
            default:
                return CRITICAL_LIMIT_PERCENT;
        }
    }

    /** The lowest share any level may fill: below it nothing is refused. */
    public int lowestLimitPercent() {
        return limitPercent(Level.INFO);
    }

    /** The level an event is judged by; an unset or unknown level counts as INFO, the first to go. */
    public static Level levelOf(EventLevel wire) {
        switch (wire) {
            case EVENT_LEVEL_WARN:
                return Level.WARN;
            case EVENT_LEVEL_ERROR:
                return Level.ERROR;
            case EVENT_LEVEL_CRITICAL:
                return Level.CRITICAL;
            case EVENT_LEVEL_ESSENTIAL:
                return Level.ESSENTIAL;
            case EVENT_LEVEL_DEBUG:
                return Level.DEBUG;
            case EVENT_LEVEL_TRACE:
                return Level.TRACE;
            default:
                return Level.INFO;
        }
    }
}
