package io.stratastor.rodent.events.eventadmin.impl;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Constants;
import org.osgi.service.event.EventConstants;

/**
 * Which registered Event Admin handlers listen on some topic of ours, from their
 * {@code event.topics} alone: {@code *}, a wildcard that covers or lies under
 * {@code rodent/events/}, or one of its topics. While none does, the bridge posts nothing, so an
 * event nobody reads costs the emitter no copy and Event Admin no delivery. A handler's
 * {@code event.filter} is not read: it can only narrow, and the bridge errs toward posting.
 * Thread-safe.
 */
final class TopicListeners {
    private final Map<Object, Boolean> handlers = new ConcurrentHashMap<>();
    private volatile boolean any;

    /** A handler registered or changed its properties. */
    void put(Map<String, ?> properties) {
        Object id = properties.get(Constants.SERVICE_ID);
        if (listens(properties.get(EventConstants.EVENT_TOPIC))) {
            handlers.put(id, Boolean.TRUE);
        } else {
            handlers.remove(id);
        }
        any = !handlers.isEmpty();
    }

    /** A handler went away. */
    void remove(Map<String, ?> properties) {
        handlers.remove(properties.get(Constants.SERVICE_ID));
        any = !handlers.isEmpty();
    }

    /** Whether some handler listens on a topic of ours now. Cheap enough for the emit path. */
    boolean any() {
        return any;
    }

    // event.topics is a String or a String[] (or a collection of them).
    private static boolean listens(Object topics) {
        if (topics instanceof String topic) {
            return ours(topic);
        }
        if (topics instanceof String[] array) {
            for (String topic : array) {
                if (ours(topic)) {
                    return true;
                }
            }
        }
        if (topics instanceof Collection<?> collection) {
            for (Object topic : collection) {
                if (topic instanceof String text && ours(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    // "*", "rodent/*", "rodent/events/*", "rodent/events/storage/*", or a topic under rodent/events/.
    static boolean ours(String topic) {
        String pattern = topic.strip();
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 1);
            return EventTopics.PREFIX.startsWith(prefix) || prefix.startsWith(EventTopics.PREFIX);
        }
        return pattern.startsWith(EventTopics.PREFIX);
    }
}
