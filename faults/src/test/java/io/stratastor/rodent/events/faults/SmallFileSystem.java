package io.stratastor.rodent.events.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A tmpfs of a few MiB mounted on a folder of the test's, so that a disk can really be full or
 * read-only. Needs root (mount(8)); without it the test is skipped, saying so.
 */
final class SmallFileSystem implements AutoCloseable {
    private final Path mountPoint;
    private boolean layered;

    private SmallFileSystem(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code mebibytes} on {@code mountPoint}, or skips the calling test with the reason. */
    static SmallFileSystem mount(Path mountPoint, int mebibytes) throws IOException, InterruptedException {
        Assumptions.assumeTrue(isRoot(), "skipped: mounting a small file system for a really full disk needs root; run the suite as root");
        Files.createDirectories(mountPoint);
        String failure = run("mount", "-t", "tmpfs", "-o", "size=" + mebibytes + "m,mode=0755", "rodent-events-faults", mountPoint.toString());
        Assumptions.assumeTrue(failure.isEmpty(), "skipped: cannot mount a tmpfs here (" + failure + ")");
        return new SmallFileSystem(mountPoint);
    }

    Path root() {
        return mountPoint;
    }

    /**
     * Makes the file system read-only under the node, or writable again. A remount would be refused
     * while the node holds files open for writing, so a read-only bind mount is laid over it: what is
     * open stays open, nothing new can be written through the path, as on a disk gone read-only;
     * the same layer is made writable again.
     */
    void readOnly(boolean readOnly) throws IOException, InterruptedException {
        String target = mountPoint.toString();
        String failure = "";
        if (!layered) {
            failure = run("mount", "--bind", target, target);
            layered = failure.isEmpty();
        }
        if (failure.isEmpty()) {
            failure = run("mount", "-o", "remount,bind," + (readOnly ? "ro" : "rw"), target);
        }
        if (!failure.isEmpty()) {
            throw new IOException("cannot make " + target + (readOnly ? " read-only" : " writable again") + ": " + failure);
        }
    }

    /** Another writer: a file that takes every byte left, as far as the file system lets it. */
    Path fill(String name) throws IOException {
        Path filler = mountPoint.resolve(name);
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
        return filler;
    }

    long freeBytes() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String failure = layered ? run("umount", "-l", mountPoint.toString()) : "";
        failure += run("umount", "-l", mountPoint.toString());
        if (!failure.isEmpty()) {
            throw new IOException("cannot unmount " + mountPoint + ": " + failure);
        }
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return id.waitFor(10, TimeUnit.SECONDS) && "0".equals(uid);
    }

    // Empty when the command succeeded; otherwise what it printed and its exit status.
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " did not finish in 30 s";
        }
        return process.exitValue() == 0 ? "" : String.join(" ", command) + " exited " + process.exitValue() + ": " + output;
    }
}
