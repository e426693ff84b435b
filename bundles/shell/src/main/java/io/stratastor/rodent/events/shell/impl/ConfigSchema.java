package io.stratastor.rodent.events.shell.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.osgi.framework.Bundle;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * What the metatype of a configuration PID says about its keys: type, list or not, defaults,
 * options, and the definition's own validation. Immutable and thread-safe.
 *
 * @param source who describes it, e.g. the bundle's symbolic name, for messages
 * @param attributes by key, in the definition's order
 */
record ConfigSchema(String source, Map<String, Attribute> attributes) {
    ConfigSchema {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The kinds of value a key takes, with the phrase that names them to an operator. */
    enum Kind {
        STRING("text"), INTEGER("a whole number"), LONG("a whole number"), DOUBLE("a number"), BOOLEAN("true or false"),
        PASSWORD("a secret"), OTHER("text");

        final String phrase;

        Kind(String phrase) {
            this.phrase = phrase;
        }

        static Kind of(int metatypeType) {
            return switch (metatypeType) {
                case AttributeDefinition.STRING -> STRING;
                case AttributeDefinition.INTEGER, AttributeDefinition.SHORT, AttributeDefinition.BYTE -> INTEGER;
                case AttributeDefinition.LONG -> LONG;
                case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> DOUBLE;
                case AttributeDefinition.BOOLEAN -> BOOLEAN;
                case AttributeDefinition.PASSWORD -> PASSWORD;
                default -> OTHER;
            };
        }
    }

    /**
     * One key.
     *
     * @param id the key
     * @param kind what it takes
     * @param list whether it takes a list (given comma-separated)
     * @param defaults the default values, empty when none
     * @param options the only values accepted, empty when any value of the kind is
     * @param validation the definition's check of one value: "" or null when fine, else the problem
     */
    record Attribute(String id, Kind kind, boolean list, List<String> defaults, List<String> options,
            UnaryOperator<String> validation) {
        Attribute {
            defaults = List.copyOf(defaults);
            options = List.copyOf(options);
        }

        boolean secret() {
            return kind == Kind.PASSWORD;
        }

        /** {@code a whole number}, {@code a list of: a, b}, {@code one of: x, y}; for messages. */
        String accepted() {
            String one = options.isEmpty() ? kind.phrase : "one of " + String.join(", ", options);
            return list ? "a comma-separated list, each " + one + " (empty for none)" : one;
        }

        /**
         * The Config Admin value of {@code text}: Integer, Long, Double, Boolean or String, or
         * String[] for a list.
         *
         * @throws CommandException saying what is accepted; never echoes a secret
         */
        Object parse(String text) throws CommandException {
            if (!list) {
                return parseOne(text.trim());
            }
            List<String> values = new ArrayList<>();
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    values.add(String.valueOf(parseOne(part.trim())));
                }
            }
            return values.toArray(new String[0]);
        }

        private Object parseOne(String text) throws CommandException {
            Object value;
            try {
                value = switch (kind) {
                    case INTEGER -> Integer.valueOf(text);
                    case LONG -> Long.valueOf(text);
                    case DOUBLE -> Double.valueOf(text);
                    case BOOLEAN -> parseBoolean(text);
                    default -> text;
                };
            } catch (NumberFormatException e) {
                throw refusal(text, null);
            }
            if (!options.isEmpty() && !options.contains(String.valueOf(value))) {
                throw refusal(text, null);
            }
            String problem = validation == null ? null : validation.apply(String.valueOf(value));
            if (problem != null && !problem.isEmpty()) {
                throw refusal(text, problem);
            }
            return value;
        }

        private Boolean parseBoolean(String text) throws CommandException {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw refusal(text, null);
            };
        }

        private CommandException refusal(String text, String problem) {
            String given = secret() ? "" : ", got '" + text + "'" + (problem == null ? "" : " (" + CommandResults.oneLine(problem) + ")");
            return new CommandException(id + " takes " + accepted() + given);
        }
    }

    /** The keys, in the definition's order, for messages. */
    String keys() {
        return String.join(", ", attributes.keySet());
    }

    Optional<Attribute> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    /**
     * The schema of {@code pid} from the metatype of whichever of {@code bundles} describes it.
     *
     * @param service the metatype service, or null when there is none (the result is then empty)
     */
    static Optional<ConfigSchema> find(MetaTypeService service, Bundle[] bundles, String pid) {
        if (service == null) {
            return Optional.empty();
        }
        for (Bundle bundle : bundles) {
            try {
                MetaTypeInformation information = service.getMetaTypeInformation(bundle);
                String[] pids = information == null ? null : information.getPids();
                if (pids != null && Arrays.asList(pids).contains(pid)) {
                    return Optional.of(of(bundle.getSymbolicName(), information.getObjectClassDefinition(pid, null)));
                }
            } catch (RuntimeException e) {
                // A bundle uninstalled meanwhile, or a broken metatype document: that bundle describes nothing.
                continue;
            }
        }
        return Optional.empty();
    }

    /** The schema of a metatype object class definition. */
    static ConfigSchema of(String source, ObjectClassDefinition definition) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        AttributeDefinition[] definitions = definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
        for (AttributeDefinition ad : definitions == null ? new AttributeDefinition[0] : definitions) {
            attributes.put(ad.getID(), new Attribute(ad.getID(), Kind.of(ad.getType()), ad.getCardinality() != 0,
                    listOf(ad.getDefaultValue()), listOf(ad.getOptionValues()), ad::validate));
        }
        return new ConfigSchema(source, attributes);
    }

    private static List<String> listOf(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
