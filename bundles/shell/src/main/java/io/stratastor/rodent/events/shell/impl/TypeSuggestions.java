package io.stratastor.rodent.events.shell.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Close matches for a mistyped event type: the types that contain it, or else those sharing its
 * longest prefix. Immutable and thread-safe.
 */
final class TypeSuggestions {
    static final int MAX_SHOWN = 5;
    // A shorter shared prefix ("s", "st") says nothing about what was meant.
    private static final int MIN_PREFIX = 3;

    private final List<String> types;

    TypeSuggestions(List<String> types) {
        this.types = List.copyOf(types);
    }

    /** The closest types, best first; empty when none is close. */
    List<String> closest(String typed) {
        String wanted = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<String> containing = new ArrayList<>();
        for (String type : types) {
            if (type.contains(wanted)) {
                containing.add(type);
            }
        }
        if (!containing.isEmpty()) {
            return containing;
        }
        int best = MIN_PREFIX;
        List<String> sharing = new ArrayList<>();
        for (String type : types) {
            int shared = sharedPrefix(type, wanted);
            if (shared > best) {
                best = shared;
                sharing.clear();
            }
            if (shared == best) {
                sharing.add(type);
            }
        }
        return sharing;
    }

    /** One phrase for an error message: {@code did you mean a, b? } or a hint when nothing is close. */
    String phrase(String typed) {
        List<String> closest = closest(typed);
        if (closest.isEmpty()) {
            return "expected a dotted type of the schema such as " + (types.isEmpty() ? "storage.pool.created" : types.get(0));
        }
        String shown = String.join(", ", closest.subList(0, Math.min(MAX_SHOWN, closest.size())));
        return "did you mean " + shown + (closest.size() > MAX_SHOWN ? ", ... (" + closest.size() + " in all)" : "") + "?";
    }

    private static int sharedPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
