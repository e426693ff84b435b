package io.stratastor.rodent.events.faults;

import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.toggle.ToggleSink;
import java.util.Set;
import java.util.TreeSet;

/** What a reference Toggle received, by sequence number. */
final class Received {
    private Received() {
    }

    static Set<Long> sequences(ToggleSink sink) {
        Set<Long> seqs = new TreeSet<>();
        for (Event event : sink.uniqueEvents()) {
            seqs.add(Long.parseLong(event.getMetadataOrThrow(Node.SEQ)));
        }
        return seqs;
    }
}
