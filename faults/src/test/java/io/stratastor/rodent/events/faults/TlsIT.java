package io.stratastor.rodent.events.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.toggle.ToggleSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS to Toggle: server authentication against ca_file, and mutual TLS with a client certificate. */
class TlsIT {
    private static final String TOKEN = "tls-token";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private ToggleSink sink;
    private Node node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        if (sink != null) {
            sink.close();
        }
    }

    private Path spool() throws Exception {
        return Files.createDirectories(dir.resolve("spool"));
    }

    @Test
    void eventsTravelOverTlsToAToggleTheCaVouchesFor() throws Exception {
        TestCa ca = TestCa.create(Files.createDirectories(dir.resolve("ca")), "Rodent Test CA");
        Path[] server = ca.issue("toggle");
        sink = ToggleSink.builder().port(0).exactToken(TOKEN).tls(server[0], server[1]).build().start();
        node = Node.start(Node.toToggle(Node.baseSettings(spool()), sink.port(), TOKEN).toggleTls(true)
                .toggleCaFile(ca.caPem().toString()));

        for (long seq = 1; seq <= 100; seq++) {
            node.emit(seq, Level.INFO);
        }

        assertThat(node.flush(PATIENCE)).isTrue();
        assertThat(Received.sequences(sink)).hasSize(100);
    }

    @Test
    void aToggleSignedByAnotherCaIsNotTrustedAndNothingIsLost() throws Exception {
        TestCa ca = TestCa.create(Files.createDirectories(dir.resolve("ca")), "Rodent Test CA");
        TestCa stranger = TestCa.create(Files.createDirectories(dir.resolve("stranger")), "Somebody Else");
        Path[] server = stranger.issue("toggle");
        sink = ToggleSink.builder().port(0).exactToken(TOKEN).tls(server[0], server[1]).build().start();
        node = Node.start(Node.toToggle(Node.baseSettings(spool()), sink.port(), TOKEN).toggleTls(true)
                .toggleCaFile(ca.caPem().toString()));

        for (long seq = 1; seq <= 10; seq++) {
            node.emit(seq, Level.INFO);
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(node.stats()).hasEntrySatisfying("failed_sends",
                failed -> assertThat((Long) failed).isPositive()));
        assertThat(node.stats()).containsEntry("toggle_state", "unavailable").containsEntry("pending", 10);
        assertThat(sink.counts().unique()).isZero();
    }

    @Test
    void mutualTlsNeedsTheClientCertificateAndDeliversOnceItIsConfigured() throws Exception {
        TestCa ca = TestCa.create(Files.createDirectories(dir.resolve("ca")), "Rodent Test CA");
        Path[] server = ca.issue("toggle");
        Path[] client = ca.issue("node-1");
        sink = ToggleSink.builder().port(0).exactToken(TOKEN).tls(server[0], server[1]).requireClientCertificates(ca.caPem())
                .build().start();
        node = Node.start(Node.toToggle(Node.baseSettings(spool()), sink.port(), TOKEN).toggleTls(true)
                .toggleCaFile(ca.caPem().toString()));
        for (long seq = 1; seq <= 50; seq++) {
            node.emit(seq, Level.INFO);
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(node.stats()).hasEntrySatisfying("failed_sends",
                failed -> assertThat((Long) failed).isPositive()));
        assertThat(sink.counts().unique()).isZero();

        node.reconfigure(Node.toToggle(Node.baseSettings(spool()), sink.port(), TOKEN).toggleTls(true)
                .toggleCaFile(ca.caPem().toString()).toggleCertFile(client[0].toString()).toggleKeyFile(client[1].toString()));

        assertThat(node.flush(PATIENCE)).isTrue();
        assertThat(Received.sequences(sink)).hasSize(50);
    }
}
