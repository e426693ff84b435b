package io.stratastor.rodent.events.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.toggle.ToggleSink;
import io.stratastor.rodent.events.upstream.DecodedEvent;
import java.util.Set;
import java.util.TreeSet;

/** What a reference Toggle received, by sequence number. */
final class Received {
    private Received() {
    }

    /** The sequence numbers received; every event the Toggle received must have decoded strictly. */
    static Set<Long> sequences(ToggleSink sink) {
        assertThat(sink.counts().undecodable()).as("events the Toggle could not decode").isZero();
        Set<Long> seqs = new TreeSet<>();
        for (DecodedEvent event : sink.uniqueEvents()) {
            seqs.add(Long.parseLong(event.metadata().get(Node.SEQ)));
        }
        return seqs;
    }
}
