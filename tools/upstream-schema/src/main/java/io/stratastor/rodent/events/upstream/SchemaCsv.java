package io.stratastor.rodent.events.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one of this module's schema tables: RFC 4180 CSV with a header line, LF or CRLF line ends
 * and double-quoted cells. Stateless.
 */
final class SchemaCsv {
    private SchemaCsv() {
    }

    /** The rows below the header of {@code resource} (relative to this package), each a list of cells. */
    static List<List<String>> rows(String resource) {
        try (InputStream in = SchemaCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema table " + resource + " is missing from the classpath");
            }
            List<List<String>> rows = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return rows.isEmpty() ? rows : rows.subList(1, rows.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema table " + resource, e);
        }
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(List.copyOf(row));
                row.clear();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(List.copyOf(row));
        }
        return rows;
    }
}
