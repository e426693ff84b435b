package io.stratastor.rodent.events.eventadmin.impl;

/**
 * The Event Admin topic of an event type: {@code rodent/events/} and the type's dotted segments as
 * topic tokens ({@code storage.pool.resilvered} → {@code rodent/events/storage/pool/resilvered}).
 * A token allows only {@code A-Z a-z 0-9 _ -}: any other character becomes {@code _}, and an empty
 * segment becomes {@code _}, so every type has a valid topic. Stateless; thread-safe.
 */
final class EventTopics {
    /** The prefix every topic of ours starts with; subscribe to {@code rodent/events/*} for all. */
    static final String PREFIX = "rodent/events/";
    static final char REPLACEMENT = '_';

    private EventTopics() {
    }

    static String topicOf(String eventType) {
        StringBuilder topic = new StringBuilder(PREFIX.length() + eventType.length() + 1).append(PREFIX);
        int segmentStart = topic.length();
        for (int i = 0; i < eventType.length(); i++) {
            char c = eventType.charAt(i);
            if (c == '.') {
                closeSegment(topic, segmentStart);
                topic.append('/');
                segmentStart = topic.length();
            } else {
                topic.append(isTokenChar(c) ? c : REPLACEMENT);
            }
        }
        closeSegment(topic, segmentStart);
        return topic.toString();
    }

    // An empty token ("a..b", a leading or trailing dot, an empty type) would make the topic invalid.
    private static void closeSegment(StringBuilder topic, int segmentStart) {
        if (topic.length() == segmentStart) {
            topic.append(REPLACEMENT);
        }
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
