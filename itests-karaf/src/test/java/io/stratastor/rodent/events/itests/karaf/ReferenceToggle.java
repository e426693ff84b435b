package io.stratastor.rodent.events.itests.karaf;

import io.stratastor.rodent.events.toggle.ToggleSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the reference Toggle of a Karaf test in the test JVM (Karaf runs in a JVM of its own and
 * reaches it over loopback). It accepts exactly one token and appends every event it receives to a
 * capture file, which the probe inside Karaf reads: a file is what both JVMs share. The sink
 * records a batch before it answers the call, so once the node holds Toggle's acknowledgement the
 * events are in the file. Pax Exam runs nothing of the test class in this JVM after the tests, so
 * the sink lives until the JVM exits. Driver side only: never loaded inside Karaf. Stateless.
 */
final class ReferenceToggle {
    private ReferenceToggle() {
    }

    /**
     * Starts a Toggle on 127.0.0.1 and an ephemeral port, accepting {@code token}, capturing into a
     * fresh {@code captureFile}.
     *
     * @return the port it listens on
     */
    static int start(String token, Path captureFile) {
        try {
            Files.createDirectories(captureFile.getParent());
            Files.deleteIfExists(captureFile);
            return ToggleSink.builder().host("127.0.0.1").port(0).exactToken(token).capture(captureFile).build().start().port();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the reference Toggle", e);
        }
    }
}
