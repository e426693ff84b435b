package io.stratastor.rodent.events.core.impl.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** The real file system, except that writing segments or the checkpoint fails on request as a full disk does. */
final class FailingFiles implements SpoolFiles {
    static final String NO_SPACE = "No space left on device";

    volatile boolean segments;
    volatile boolean checkpoint;
    final AtomicInteger segmentOpens = new AtomicInteger();

    @Override
    public FileChannel open(Path file, Set<? extends OpenOption> options) throws IOException {
        String name = file.getFileName().toString();
        boolean writing = options.contains(StandardOpenOption.WRITE);
        boolean segment = Segment.baseOf(name).isPresent();
        if (segment && writing) {
            segmentOpens.incrementAndGet();
        }
        if (writing && (segment && segments || name.equals(Checkpoint.FILE_NAME) && checkpoint)) {
            throw new IOException(NO_SPACE);
        }
        return SpoolFiles.system().open(file, options);
    }
}
