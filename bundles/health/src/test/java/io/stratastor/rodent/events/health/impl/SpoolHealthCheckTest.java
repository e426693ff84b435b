package io.stratastor.rodent.events.health.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.EventStats;
import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;

class SpoolHealthCheckTest {
    private final SpoolHealthCheck check = new SpoolHealthCheck();

    private Result judge(EventStats.Spool spool) {
        return check.assess(Snapshots.stats("connected", "", 3, 0, spool));
    }

    @Test
    void aDiskErrorIsCriticalWithTheError() {
        Result result = judge(Snapshots.spool("disk_error", 0, 2, "No space left on device"));

        assertThat(result.getStatus()).isEqualTo(Result.Status.CRITICAL);
        assertThat(result.toString()).contains("the spool in /data/spool cannot write to disk (2 disk errors): No space left on device");
    }

    @Test
    void aFullSpoolIsCritical() {
        Result result = judge(Snapshots.spool("full", 0, 0, ""));

        assertThat(result.getStatus()).isEqualTo(Result.Status.CRITICAL);
        assertThat(result.toString()).contains("is full (2048 of 4096 bytes)").contains("'block'");
    }

    @Test
    void aSpoolThatCouldNotOpenIsCritical() {
        Result result = judge(null);

        assertThat(result.getStatus()).isEqualTo(Result.Status.CRITICAL);
        assertThat(result.toString()).contains("held in memory only");
    }

    @Test
    void quarantinedRecordsAreAWarning() {
        Result result = judge(Snapshots.spool("ok", 2, 0, ""));

        assertThat(result.getStatus()).isEqualTo(Result.Status.WARN);
        assertThat(result.toString()).contains("2 records (200 bytes)").contains("quarantined");
    }

    @Test
    void pastDiskErrorsAreAWarning() {
        assertThat(judge(Snapshots.spool("ok", 0, 1, "EIO")).getStatus()).isEqualTo(Result.Status.WARN);
    }

    @Test
    void aHealthySpoolIsOk() {
        assertThat(judge(Snapshots.spool("ok", 0, 0, "")).getStatus()).isEqualTo(Result.Status.OK);
    }
}
