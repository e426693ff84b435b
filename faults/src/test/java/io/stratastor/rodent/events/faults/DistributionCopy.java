package io.stratastor.rodent.events.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A fresh copy of the built distribution for one session, so that a test's data stays its own. */
final class DistributionCopy {
    private DistributionCopy() {
    }

    /** Copies the distribution the build made ({@code faults.distribution}) to {@code to}. */
    static Path of(Path to) throws IOException {
        Path from = Path.of(System.getProperty("faults.distribution"));
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}
