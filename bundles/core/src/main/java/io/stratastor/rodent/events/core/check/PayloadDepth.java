package io.stratastor.rodent.events.core.check;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds how deep a payload nests messages, walking it without recursion before anything that
 * recurses (its size, the finite-number check, redaction, encoding, protobuf's parser on replay,
 * which stops at 100 levels) meets it: a {@code Struct} built 100 000 levels deep is refused, not a
 * stack overflow. Only a payload whose message type can nest without end (one that reaches
 * itself, as {@code Struct} does through {@code Value}) or deeper than the bound is walked: the
 * schema's typed payloads are bounded by their types, so their emit path pays one map lookup.
 * Thread-safe.
 */
final class PayloadDepth {
    /** Message levels at most: a plain map nests three per level (Struct, its map entry, Value), so 32 levels of maps. */
    static final int MAX_DEPTH = 96;
    private static final int UNBOUNDED = Integer.MAX_VALUE;
    // The deepest a message of each type can nest, by its descriptor: a pure function of the schema, remembered.
    private static final Map<Descriptor, Integer> TYPE_DEPTHS = new ConcurrentHashMap<>();

    private PayloadDepth() {
    }

    /** @throws IllegalArgumentException when {@code payload} nests messages deeper than {@link #MAX_DEPTH} */
    static void check(String eventType, Message payload) {
        if (payload == null || typeDepth(payload.getDescriptorForType()) <= MAX_DEPTH) {
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

    static int typeDepth(Descriptor type) {
        Integer known = TYPE_DEPTHS.get(type);
        if (known == null) {
            known = typeDepth(type, new HashSet<>());
            TYPE_DEPTHS.put(type, known);
        }
        return known;
    }

    // Depth-first over the message fields' types; a type met again on the way down nests without end.
    private static int typeDepth(Descriptor type, Set<Descriptor> onTheWay) {
        if (!onTheWay.add(type)) {
            return UNBOUNDED;
        }
        int deepest = 0;
        for (FieldDescriptor field : type.getFields()) {
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                int below = typeDepth(field.getMessageType(), onTheWay);
                deepest = below == UNBOUNDED ? UNBOUNDED : Math.max(deepest, below);
                if (deepest == UNBOUNDED) {
                    break;
                }
            }
        }
        onTheWay.remove(type);
        return deepest == UNBOUNDED ? UNBOUNDED : deepest + 1;
    }
}
