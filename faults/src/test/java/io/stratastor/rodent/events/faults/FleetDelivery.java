package io.stratastor.rodent.events.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.toggle.ToggleSink;
import io.stratastor.rodent.events.upstream.DecodedEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a fleet's Toggles received, checked per node: the union of every Toggle's events by node id
 * and sequence number against what each node emitted. An immutable value.
 *
 * @param lost events a node emitted that no Toggle received
 * @param duplicates events received more than once, by one Toggle or by both
 * @param delivered distinct events received
 */
record FleetDelivery(long lost, long duplicates, long delivered) {

    static FleetDelivery of(Fleet fleet, List<ToggleSink> toggles) {
        Map<String, Set<Long>> byNode = new HashMap<>();
        long uniquePerToggle = 0;
        long duplicatesWithin = 0;
        for (ToggleSink toggle : toggles) {
            assertThat(toggle.counts().undecodable()).as("events a Toggle could not decode").isZero();
            uniquePerToggle += toggle.counts().unique();
            duplicatesWithin += toggle.counts().duplicates();
            for (DecodedEvent event : toggle.uniqueEvents()) {
                byNode.computeIfAbsent(event.metadata().get(Node.NODE), id -> new HashSet<>())
                        .add(Long.parseLong(event.metadata().get(Node.SEQ)));
            }
        }
        long lost = 0;
        long delivered = 0;
        for (int i = 0; i < fleet.size(); i++) {
            Set<Long> received = byNode.getOrDefault(fleet.id(i), Set.of());
            long emitted = fleet.emitted(i);
            long inRange = received.stream().filter(seq -> seq >= 1 && seq <= emitted).count();
            assertThat(inRange).as("events of %s outside 1..%d", fleet.id(i), emitted).isEqualTo(received.size());
            lost += emitted - inRange;
            delivered += inRange;
        }
        return new FleetDelivery(lost, duplicatesWithin + uniquePerToggle - delivered, delivered);
    }
}
