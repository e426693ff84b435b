package io.stratastor.rodent.events.core.impl.settings;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Checks the raw keys of a {@link PipelineConfiguration} before any is interpreted: each can be read
 * as its type (SCR's and the Converter's proxies throw on a value they cannot coerce, such as
 * {@code abc} for a count, with a message that may quote it), and each text is at most
 * {@value #MAX_TEXT} characters with no control character. Errors name the key and never the value,
 * which may be the token. Stateless.
 */
final class RawConfigurationCheck {
    /** The longest text value of any key: a path, an address or a token. */
    static final int MAX_TEXT = 8192;

    private RawConfigurationCheck() {
    }

    /** @throws IllegalArgumentException naming the first key that cannot be read or holds bad text */
    static void check(PipelineConfiguration config) {
        Method[] keys = PipelineConfiguration.class.getDeclaredMethods();
        Arrays.sort(keys, Comparator.comparing(Method::getName));
        for (Method key : keys) {
            Object value = read(config, key);
            if (value instanceof String text) {
                checkText(property(key), text);
            } else if (value instanceof String[] texts) {
                for (int i = 0; i < texts.length; i++) {
                    checkText(property(key) + " item " + (i + 1), texts[i]);
                }
            }
        }
    }

    private static Object read(PipelineConfiguration config, Method key) {
        try {
            return key.invoke(config);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(property(key) + ": cannot be read as " + kind(key.getReturnType())
                    + "; expected " + kind(key.getReturnType()) + " (the value is not shown)");
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + property(key), e);
        }
    }

    private static void checkText(String key, String text) {
        if (text == null) {
            return;
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(key + ": " + text.length() + " characters; expected at most " + MAX_TEXT);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT && c != '\u200d') {
                throw new IllegalArgumentException(key + ": holds a control character (" + String.format("U+%04X", (int) c)
                        + ") at index " + i + "; expected printable text");
            }
        }
    }

    private static String kind(Class<?> type) {
        if (type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == double.class) {
            return "a number of seconds";
        }
        if (type == boolean.class) {
            return "true or false";
        }
        return type == String[].class ? "a list of text" : "text";
    }

    // DS's mapping of an annotation method to its property: "__" is "_", a lone "_" is ".".
    private static String property(Method key) {
        return key.getName().replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }
}
