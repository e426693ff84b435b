package io.stratastor.rodent.events.shell.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records what it is asked to emit; refuses with {@code refusal} when set. */
final class FakeEmitter implements CategoryEmitter {
    record Emitted(String source, String eventType, Level level, Message payload, Map<String, String> metadata) {
    }

    final List<Emitted> emitted = new ArrayList<>();
    private final Category category;
    RuntimeException refusal;
    int refuseAfter = Integer.MAX_VALUE;

    FakeEmitter(Category category) {
        this.category = category;
    }

    @Override
    public Category category() {
        return category;
    }

    @Override
    public void emit(String source, String eventType, Level level, Message payload, Map<String, String> metadata) {
        if (refusal != null && emitted.size() >= refuseAfter) {
            throw refusal;
        }
        emitted.add(new Emitted(source, eventType, level, payload, metadata));
    }
}
