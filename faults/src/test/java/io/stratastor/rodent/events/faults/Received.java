package io.stratastor.rodent.events.faults;

import io.stratastor.rodent.events.toggle.ToggleSink;
import io.stratastor.rodent.events.upstream.DecodedEvent;
import java.util.Set;
import java.util.TreeSet;

/** What a reference Toggle received, by sequence number. */
final class Received {
    private Received() {
    }

    static Set<Long> sequences(ToggleSink sink) {
        Set<Long> seqs = new TreeSet<>();
        for (DecodedEvent event : sink.uniqueEvents()) {
            seqs.add(Long.parseLong(event.metadata().get(Node.SEQ)));
        }
        return seqs;
    }
}
