package io.stratastor.rodent.events.testing;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Assertions on one captured event; every failure names the event and what differed. Not
 * thread-safe; use it on the test's thread.
 */
public final class CapturedEventAssert {
    private final CapturedEvent event;

    CapturedEventAssert(CapturedEvent event) {
        this.event = event;
    }

    /** The event under assertion, for checks of your own. */
    public CapturedEvent event() {
        return event;
    }

    public CapturedEventAssert hasLevel(Level expected) {
        return check(expected == event.level(), "level " + expected, "level " + event.level());
    }

    public CapturedEventAssert hasCategory(Category expected) {
        return check(expected == event.category(), "category " + expected, "category " + event.category());
    }

    public CapturedEventAssert hasSource(String expected) {
        return check(Objects.equals(expected, event.source()), "source " + expected, "source " + event.source());
    }

    public CapturedEventAssert hasMetadata(String key, String expected) {
        String actual = event.metadata().get(key);
        return check(Objects.equals(expected, actual), "metadata " + key + "=" + expected,
                actual == null ? "no metadata " + key + " (has " + event.metadata().keySet() + ")" : "metadata " + key + "=" + actual);
    }

    public CapturedEventAssert hasPayloadType(String expectedFullName) {
        return check(expectedFullName.equals(event.payloadType()), "payload " + expectedFullName,
                "payload " + (event.payloadType().isEmpty() ? "none" : event.payloadType()));
    }

    /**
     * Checks one payload field by its proto name ({@code pool_name}). Numbers compare by value
     * ({@code 5} matches an int64 field holding 5); a repeated field compares as a {@link List}.
     */
    public CapturedEventAssert hasPayloadField(String fieldName, Object expected) {
        Message payload = event.payload();
        if (payload == null) {
            throw failure("a payload with " + fieldName + "=" + expected, "no payload");
        }
        FieldDescriptor field = payload.getDescriptorForType().findFieldByName(fieldName);
        if (field == null) {
            throw failure("a payload field " + fieldName, payload.getDescriptorForType().getName() + " has fields "
                    + payload.getDescriptorForType().getFields().stream().map(FieldDescriptor::getName).collect(Collectors.toList()));
        }
        Object actual = payload.getField(field);
        return check(sameValue(expected, actual), fieldName + "=" + expected, fieldName + "=" + actual);
    }

    private static boolean sameValue(Object expected, Object actual) {
        if (expected instanceof Number a && actual instanceof Number b) {
            return a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float
                    ? a.doubleValue() == b.doubleValue()
                    : a.longValue() == b.longValue();
        }
        if (expected instanceof List<?> a && actual instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameValue(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(expected, actual);
    }

    private CapturedEventAssert check(boolean holds, String expected, String actual) {
        if (!holds) {
            throw failure(expected, actual);
        }
        return this;
    }

    private AssertionError failure(String expected, String actual) {
        return new AssertionError("expected " + event.eventType() + " with " + expected + ", but it has " + actual
                + "\n  event: " + event);
    }
}
