package io.stratastor.rodent.events.shell.impl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@code events:emit}, parsed but not yet checked against the schema. Options
 * may come before or after the type, as {@code --name value} or {@code --name=value};
 * {@code --meta} may repeat. Immutable.
 *
 * @param type the dotted event type as given
 * @param level the level as given, {@code info} when absent
 * @param source the source, or null for the emitter's default
 * @param metadata the {@code --meta} entries in order
 * @param payloadJson the {@code --payload} JSON, or null when absent
 * @param count how many copies to emit, at least 1
 * @param rate events per second to pace the copies at; 0 means as fast as the emitter takes them
 */
record EmitRequest(String type, String level, String source, Map<String, String> metadata, String payloadJson, int count,
        double rate) {
    static final String USAGE = "usage: events:emit TYPE [--level info|warn|error|critical|essential|debug|trace] [--source S]"
            + " [--meta key=value]... [--payload JSON] [--count N] [--rate R]";
    static final List<String> OPTIONS = List.of("--level", "--source", "--meta", "--payload", "--count", "--rate");
    static final String DEFAULT_LEVEL = "info";

    EmitRequest {
        metadata = Map.copyOf(metadata);
    }

    /**
     * Parses the arguments; the message of the exception is the operator's one line.
     *
     * @throws CommandException on a missing or repeated type, an unknown or repeated option, an option
     *     without value, a malformed {@code --meta} or a {@code --count} below 1
     */
    static EmitRequest parse(String... args) throws CommandException {
        String type = null;
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; args != null && i < args.length; i++) {
            String arg = args[i] == null ? "" : args[i];
            if (!arg.startsWith("--")) {
                if (type != null) {
                    throw new CommandException("unexpected argument '" + arg + "' after type " + type + "; " + USAGE);
                }
                type = arg.trim();
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!OPTIONS.contains(name)) {
                throw new CommandException("unknown option '" + name + "'; accepted: " + String.join(", ", OPTIONS));
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length && args[i + 1] != null) {
                value = args[++i];
            } else {
                throw new CommandException("option " + name + " needs a value; " + USAGE);
            }
            if (name.equals("--meta")) {
                putMeta(metadata, value);
            } else if (options.putIfAbsent(name, value) != null) {
                throw new CommandException("option " + name + " given twice; it takes one value");
            }
        }
        if (type == null || type.isEmpty()) {
            throw new CommandException("missing event type; " + USAGE);
        }
        String source = options.get("--source");
        if (source != null && source.isBlank()) {
            throw new CommandException("--source must not be blank; leave it out for the emitter's default");
        }
        return new EmitRequest(type, options.getOrDefault("--level", DEFAULT_LEVEL), source, metadata,
                options.get("--payload"), count(options.get("--count")), rate(options.get("--rate")));
    }

    private static void putMeta(Map<String, String> metadata, String entry) throws CommandException {
        int equals = entry.indexOf('=');
        if (equals <= 0) {
            throw new CommandException("--meta takes key=value (e.g. --meta pool=tank), got '" + entry + "'");
        }
        String key = entry.substring(0, equals).trim();
        if (key.isEmpty()) {
            throw new CommandException("--meta takes key=value with a non-blank key, got '" + entry + "'");
        }
        if (metadata.size() == MAX_META && !metadata.containsKey(key)) {
            throw new CommandException("--meta given more than " + MAX_META + " times; an event carries at most " + MAX_META
                    + " metadata entries");
        }
        if (metadata.putIfAbsent(key, entry.substring(equals + 1)) != null) {
            throw new CommandException("--meta key '" + key + "' given twice; give each key once");
        }
    }

    /** The core's limit of metadata entries, enforced while parsing so that a million --meta stop at the first extra one. */
    static final int MAX_META = 32;

    static final double MAX_RATE = 10_000_000;

    private static double rate(String text) throws CommandException {
        if (text == null) {
            return 0;
        }
        double rate;
        try {
            rate = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            rate = -1;
        }
        if (!(rate > 0) || rate > MAX_RATE) {
            throw new CommandException("--rate takes events per second above 0 and at most " + (long) MAX_RATE + ", got '" + text + "'");
        }
        return rate;
    }

    private static int count(String text) throws CommandException {
        if (text == null) {
            return 1;
        }
        int count;
        try {
            count = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1) {
            throw new CommandException("--count takes a whole number from 1 to " + Integer.MAX_VALUE + ", got '" + text + "'");
        }
        return count;
    }
}
