package io.stratastor.rodent.events.webconsole.impl;

/** Escaping for text placed in HTML element content and quoted attribute values. Stateless. */
final class Html {
    private Html() {
    }

    /** {@code text} with every character that could open markup or close an attribute replaced by its entity; null as empty. */
    static String escape(Object text) {
        String value = text == null ? "" : text.toString();
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                case '`' -> escaped.append("&#96;");
                default -> escaped.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return escaped.toString();
    }
}
