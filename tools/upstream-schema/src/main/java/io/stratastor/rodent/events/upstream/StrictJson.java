package io.stratastor.rodent.events.upstream;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser (RFC 8259, plus no duplicate keys): rejects invalid UTF-8, trailing commas,
 * NaN and Infinity, leading zeros, lone surrogates, control characters in strings and anything
 * after the value. Objects come back as ordered {@code Map<String, Object>}, arrays as
 * {@code List<Object>}, strings as {@code String}, {@code true}/{@code false} as {@code Boolean},
 * numbers as {@link JsonNumber} (their literal kept) and {@code null} as {@link #NULL}; all
 * unmodifiable. Stateless; each parse uses its own cursor.
 */
final class StrictJson {
    /** JSON {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A JSON number, as written. */
    record JsonNumber(String literal) {
        /** Whether it is an integer literal: no fraction, no exponent. */
        boolean isInteger() {
            return literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0;
        }
    }

    /** Why a text is not strict JSON, with the position. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    // Go's encoding/json stops at 10000 levels; far below, so that deep input cannot exhaust the stack.
    private static final int MAX_DEPTH = 512;

    private final String text;
    private int at;

    private StrictJson(String text) {
        this.text = text;
    }

    /** Decodes {@code bytes} as UTF-8, refusing invalid sequences, and parses them. */
    static Object parse(byte[] bytes) throws SyntaxError {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SyntaxError("not valid UTF-8 (" + e.getMessage() + ")");
        }
        return parse(text);
    }

    static Object parse(String text) throws SyntaxError {
        StrictJson parser = new StrictJson(text);
        parser.skipWhitespace();
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.at < text.length()) {
            throw parser.error("unexpected " + describe(text.charAt(parser.at)) + " after the value");
        }
        return value;
    }

    private Object value(int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        if (at >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield number();
                }
                throw error("unexpected " + describe(c) + ", expected a value");
            }
        };
    }

    private Map<String, Object> object(int depth) throws SyntaxError {
        at++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            at++;
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name in double quotes");
            }
            int keyAt = at;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = value(depth + 1);
            if (members.putIfAbsent(key, value) != null) {
                at = keyAt;
                throw error("duplicate key \"" + key + "\" (Go's encoding/json would keep the last)");
            }
            skipWhitespace();
            if (peek() == ',') {
                at++;
                continue;
            }
            expect('}');
            return Collections.unmodifiableMap(members);
        }
    }

    private List<Object> array(int depth) throws SyntaxError {
        at++;
        List<Object> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            at++;
            return Collections.unmodifiableList(items);
        }
        while (true) {
            skipWhitespace();
            items.add(value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                at++;
                continue;
            }
            expect(']');
            return Collections.unmodifiableList(items);
        }
    }

    private String string() throws SyntaxError {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                at--;
                throw error("control character U+" + String.format("%04X", (int) c) + " in a string must be escaped");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = at < text.length() ? text.charAt(at++) : '\0';
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> {
                    at--;
                    throw error("invalid escape \\" + e);
                }
            }
        }
    }

    // One code point: a BMP character, or a high and a low surrogate escaped one after the other.
    private String unicodeEscape() throws SyntaxError {
        char first = hex4();
        if (Character.isLowSurrogate(first)) {
            throw error("lone low surrogate \\u" + String.format("%04x", (int) first));
        }
        if (!Character.isHighSurrogate(first)) {
            return String.valueOf(first);
        }
        if (!text.startsWith("\\u", at)) {
            throw error("lone high surrogate \\u" + String.format("%04x", (int) first));
        }
        at += 2;
        char second = hex4();
        if (!Character.isLowSurrogate(second)) {
            throw error("high surrogate \\u" + String.format("%04x", (int) first) + " not followed by a low surrogate");
        }
        return new String(new char[] {first, second});
    }

    private char hex4() throws SyntaxError {
        if (at + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(at + i), 16);
            if (digit < 0) {
                throw error("invalid \\u escape");
            }
            value = value * 16 + digit;
        }
        at += 4;
        return (char) value;
    }

    private JsonNumber number() throws SyntaxError {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
            if (isDigit(peek())) {
                throw error("leading zero in a number");
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit");
        }
        if (peek() == '.') {
            at++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            digits();
        }
        return new JsonNumber(text.substring(start, at));
    }

    private void digits() {
        while (isDigit(peek())) {
            at++;
        }
    }

    private Object literal(String word, Object value) throws SyntaxError {
        if (!text.startsWith(word, at)) {
            throw error("unexpected " + describe(text.charAt(at)) + ", expected a value");
        }
        at += word.length();
        return value;
    }

    private void expect(char c) throws SyntaxError {
        if (peek() != c) {
            throw error(at >= text.length() ? "unexpected end of input, expected '" + c + "'"
                    : "unexpected " + describe(text.charAt(at)) + ", expected '" + c + "'");
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    // Printable ASCII as itself, anything else (binary payloads) as its code point.
    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private SyntaxError error(String message) {
        return new SyntaxError(message + " at offset " + at);
    }
}
