package io.stratastor.rodent.events.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core's packages depend on each other one way only, in the order docs/DECISIONS.md draws
 * ("The core's packages"): each package uses only packages listed before it. A new package must
 * be given its place here.
 */
class PackageLayersTest {
    private static final String BASE = "io.stratastor.rodent.events.core.";
    private static final List<String> BOTTOM_UP = List.of("check", "impl.wire", "impl.settings", "impl.store", "impl.spool",
            "impl.transport", "impl.shipping", "impl.intake", "impl.pipeline", "impl");
    private static final Pattern REFERENCE = Pattern.compile("io\\.stratastor\\.rodent\\.events\\.core\\.((?:impl\\.)?[a-z]+)(?=\\.[A-Z]|;|\\.\\*)");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

    @Test
    void everyArrowPointsDown() {
        Map<String, Set<String>> uses = uses(Path.of("src/main/java/io/stratastor/rodent/events/core"));
        assertThat(uses.keySet()).as("packages of the core, each with its place in BOTTOM_UP").isSubsetOf(BOTTOM_UP);
        List<String> upward = new ArrayList<>();
        uses.forEach((from, targets) -> {
            for (String to : targets) {
                if (!to.equals(from) && BOTTOM_UP.indexOf(to) >= BOTTOM_UP.indexOf(from)) {
                    upward.add(from + " -> " + to);
                }
            }
        });
        assertThat(upward).as("arrows that point up or sideways").isEmpty();
    }

    @Test
    void theCheckCatchesAnArrowPointingUp() throws IOException {
        Path tree = Files.createTempDirectory("layers");
        Path wire = Files.createDirectories(tree.resolve("impl/wire"));
        Files.writeString(wire.resolve("Up.java"), "package " + BASE + "impl.wire;\n/* " + BASE + "impl.intake.Nothing */\n"
                + "class Up { " + BASE + "impl.shipping.Shipper shipper; }\n");
        assertThat(uses(tree)).containsEntry("impl.wire", Set.of("impl.wire", "impl.shipping"));
    }

    // Package (relative to BASE) to the packages its sources name, comments left out.
    private static Map<String, Set<String>> uses(Path root) {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String from = root.relativize(file.getParent()).toString().replace('/', '.');
                String code = COMMENT.matcher(Files.readString(file)).replaceAll("");
                Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
                targets.add(from);
                Matcher matcher = REFERENCE.matcher(code);
                while (matcher.find()) {
                    targets.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }
}
