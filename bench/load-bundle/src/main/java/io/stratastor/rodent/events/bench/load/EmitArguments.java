package io.stratastor.rodent.events.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bench:emit} was asked for: how many events in all and from how many threads.
 * Parsed from {@code [--count] N [--threads T]}: the count by option or as the one positional
 * argument, the threads by option only (default 1, at most {@value #MAX_THREADS}). Immutable.
 */
record EmitArguments(long count, int threads) {
    static final int MAX_THREADS = 64;
    static final String USAGE = "usage: bench:emit [--count] N [--threads T]";

    /**
     * @throws IllegalArgumentException naming the argument that is missing, not a number or out of range
     */
    static EmitArguments parse(String... args) {
        String count = null;
        String threads = "1";
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count", "-n" -> count = valueOf(args, ++i, "--count");
                case "--threads", "-t" -> threads = valueOf(args, ++i, "--threads");
                default -> positional.add(args[i]);
            }
        }
        if (positional.size() > 1 || (count != null && !positional.isEmpty())) {
            throw new IllegalArgumentException("unexpected argument '" + positional.get(positional.size() - 1) + "'; " + USAGE);
        }
        if (count == null) {
            if (positional.isEmpty()) {
                throw new IllegalArgumentException("--count is missing; " + USAGE);
            }
            count = positional.get(0);
        }
        long events = number("--count", count);
        if (events < 1) {
            throw new IllegalArgumentException("--count must be at least 1, not " + events);
        }
        long producers = number("--threads", threads);
        if (producers < 1 || producers > MAX_THREADS) {
            throw new IllegalArgumentException("--threads must be from 1 to " + MAX_THREADS + ", not " + producers);
        }
        return new EmitArguments(events, (int) producers);
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value; " + USAGE);
        }
        return args[index];
    }

    private static long number(String option, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not '" + text + "'");
        }
    }
}
