package io.stratastor.rodent.events.proto.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FieldDescriptor;
import io.stratastor.rodent.events.proto.EventCategory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/WIRE.md's mapping table is the catalogue's, rendered: the build fails when the two differ.
 * {@code mvn -pl proto test -Dwire.doc.update=true} writes the table from the catalogue.
 */
class WireDocTest {
    private static final Path DOC = Path.of("..", "docs", "WIRE.md");
    private static final String BEGIN = "<!-- mapping: generated from events.proto by WireDocTest; do not edit by hand -->\n";
    private static final String END = "<!-- mapping end -->";

    static String table(EventCatalog catalog) {
        StringBuilder text = new StringBuilder();
        for (EventCategory category : EventCategory.values()) {
            if (category == EventCategory.EVENT_CATEGORY_UNSPECIFIED || category == EventCategory.UNRECOGNIZED
                    || catalog.types(category).isEmpty()) {
                continue;
            }
            text.append("\n### ").append(EventCatalog.labelOf(category)).append("\n\n")
                    .append("A type outside the catalogue (old API) takes the form of `")
                    .append(catalog.form2025_12("", category)).append("`.\n\n")
                    .append("| 2025-09 `event_type` | payload message | 2025-12 case | operation | payload fields → 2025-12 |\n")
                    .append("| --- | --- | --- | --- | --- |\n");
            for (EventTypeDefinition type : catalog.types(category)) {
                Form2025_12 form = type.form2025_12();
                text.append("| `").append(type.eventType()).append("` | ")
                        .append(type.payloadDescriptor().map(d -> "`" + d.getName() + "`").orElse("—")).append(" | `")
                        .append(form.wrapper().getName()).append('.').append(form.payloadCase().getName()).append("` | ")
                        .append(form.operation().map(op -> "`" + op.getName() + "`").orElse("—")).append(" | ")
                        .append(type.payloadDescriptor().map(d -> d.getFields().stream().map(field -> place(form, field))
                                .collect(Collectors.joining(", "))).orElse("—"))
                        .append(" |\n");
            }
        }
        return text.toString();
    }

    private static String place(Form2025_12 form, FieldDescriptor field) {
        return form.placeOf(field).map(place -> place.getName().equals(field.getName()) ? "`" + field.getName() + "`"
                : "`" + field.getName() + "`→`" + place.getName() + "`").orElse("`" + field.getName() + "`→metadata");
    }

    @Test
    void theDocsMappingIsTheCatalogues() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/WIRE.md holds the marker " + BEGIN.trim()).isNotNegative();
        assertThat(end).as("docs/WIRE.md holds the marker " + END).isGreaterThan(begin);
        String expected = table(EventCatalog.fromSchema());
        String actual = doc.substring(begin + BEGIN.length(), end);
        if (Boolean.getBoolean("wire.doc.update") && !expected.equals(actual)) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + expected + doc.substring(end), StandardCharsets.UTF_8);
            actual = expected;
        }
        assertThat(actual).as("docs/WIRE.md's mapping differs from events.proto; run mvn -pl proto test -Dwire.doc.update=true")
                .isEqualTo(expected);
    }
}
