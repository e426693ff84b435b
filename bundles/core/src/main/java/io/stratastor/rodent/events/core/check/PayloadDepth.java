package io.stratastor.rodent.events.core.check;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Bounds how deep a payload nests messages, walking it without recursion before anything that
 * recurses (its size, the finite-number check, redaction, encoding, protobuf's parser on replay,
 * which stops at 100 levels) meets it: a {@code Struct} built 100 000 levels deep is refused, not a
 * stack overflow. Stateless.
 */
final class PayloadDepth {
    /** Message levels at most: a plain map nests three per level (Struct, its map entry, Value), so 32 levels of maps. */
    static final int MAX_DEPTH = 96;

    private PayloadDepth() {
    }

    /** @throws IllegalArgumentException when {@code payload} nests messages deeper than {@link #MAX_DEPTH} */
    static void check(String eventType, Message payload) {
        if (payload == null) {
            return;
        }
        Deque<Map.Entry<Message, Integer>> pending = new ArrayDeque<>();
        pending.push(Map.entry(payload, 1));
        while (!pending.isEmpty()) {
            Map.Entry<Message, Integer> next = pending.pop();
            int depth = next.getValue();
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("payload of " + eventType + " nests messages deeper than " + MAX_DEPTH
                        + " levels; expected at most " + MAX_DEPTH + " (32 levels of maps)");
            }
            for (Map.Entry<FieldDescriptor, Object> field : next.getKey().getAllFields().entrySet()) {
                if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                    continue;
                }
                if (field.getValue() instanceof List<?> items) {
                    items.forEach(item -> pending.push(Map.entry((Message) item, depth + 1)));
                } else {
                    pending.push(Map.entry((Message) field.getValue(), depth + 1));
                }
            }
        }
    }
}
