package io.stratastor.rodent.events.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.access.AccessEvents;
import io.stratastor.rodent.events.api.datatransfer.DataTransferEvents;
import io.stratastor.rodent.events.api.identity.IdentityEvents;
import io.stratastor.rodent.events.api.network.NetworkEvents;
import io.stratastor.rodent.events.api.security.SecurityEvents;
import io.stratastor.rodent.events.api.service.ServiceEvents;
import io.stratastor.rodent.events.api.sharing.SharingEvents;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.api.system.SystemEvents;
import io.stratastor.rodent.events.api.usage.UsageEvents;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.EventTypeDefinition;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one rule for default sources, as docs/IMPLEMENTATION.md ("Default sources") states it: an
 * event emitted without a source takes its payload message's row of the table there, a type
 * without payload message its category's {@code none} row. The table is read from the guide and
 * checked for every type of the catalogue, through every way of emitting it without a source: the
 * typed payload method (or {@code emit(type, level, metadata)}), the fixed-type methods, and the
 * untyped {@link CategoryEmitter}, with the generated payload and with a {@link DynamicMessage}.
 */
class DefaultSourceRuleTest {
    private static final EventCatalog CATALOG = EventCatalog.fromSchema();
    private static final Path GUIDE = Path.of(System.getProperty("basedir", ".")).resolve("../../docs/IMPLEMENTATION.md");
    private static final String NONE = "none";
    private static final Map<Category, Class<?>> EMITTERS = Map.of(Category.SYSTEM, SystemEvents.class,
            Category.STORAGE, StorageEvents.class, Category.NETWORK, NetworkEvents.class, Category.SECURITY, SecurityEvents.class,
            Category.SERVICE, ServiceEvents.class, Category.IDENTITY, IdentityEvents.class, Category.ACCESS, AccessEvents.class,
            Category.SHARING, SharingEvents.class, Category.USAGE, UsageEvents.class, Category.DATA_TRANSFER, DataTransferEvents.class);

    // "<category>/<payload message>" or "<category>/none" -> default source, as the guide's table has it.
    private static Map<String, String> documented;

    @BeforeAll
    static void readTheGuidesTable() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE);
        int heading = lines.indexOf("### Default sources");
        assertThat(heading).as("heading '### Default sources' in " + GUIDE).isNotNegative();
        documented = new HashMap<>();
        boolean inTable = false;
        for (String line : lines.subList(heading + 1, lines.size())) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            String[] cells = line.split("\\|");
            String category = cells[1].strip();
            if (category.equals("category") || category.startsWith("---")) {
                continue;
            }
            String source = unquoted(cells[3]);
            for (String payload : cells[2].split(",")) {
                String key = category + "/" + unquoted(payload);
                assertThat(documented.put(key, source)).as(key + " has one row").isNull();
            }
        }
    }

    private static String unquoted(String cell) {
        return cell.strip().replace("`", "");
    }

    private static String key(EventTypeDefinition type) {
        return EventCatalog.labelOf(type.category()) + "/" + type.payloadDescriptor().map(d -> d.getName()).orElse(NONE);
    }

    static Stream<EventTypeDefinition> everyType() {
        return CATALOG.types().stream();
    }

    @Test
    void theTableHasARowForEveryPayloadOfEveryCategoryAndNoOther() {
        Set<String> inCatalogue = CATALOG.types().stream().map(DefaultSourceRuleTest::key).collect(Collectors.toSet());

        assertThat(documented.keySet()).isEqualTo(inCatalogue);
        assertThat(inCatalogue.stream().map(k -> k.substring(0, k.indexOf('/'))).distinct()).hasSize(Category.values().length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void everyWayOfEmittingWithoutASourceTakesTheDocumentedOne(EventTypeDefinition type) throws Exception {
        String expected = documented.get(key(type));
        assertThat(expected).as("row of " + key(type)).isNotNull();
        Class<?> emitterType = EMITTERS.get(Category.of(type.category()));
        Message payload = type.payloadPrototype().orElse(null);
        int ways = payload == null ? 2 : 3;
        try (EventCapture capture = EventCapture.standalone()) {
            Object emitter = capture.emitter(emitterType);
            if (payload == null) {
                emitterType.getMethod("emit", String.class, Level.class, Map.class).invoke(emitter, type.eventType(), Level.INFO, null);
            } else {
                payloadMethod(emitterType, payload.getClass()).invoke(emitter, type.eventType(), Level.INFO, payload, null);
                // Every fixed-type method of the payload: those of other types are checked in their own runs.
                for (Method fixed : fixedMethods(emitterType, payload.getClass())) {
                    fixed.invoke(emitter, payload, null);
                }
            }
            CategoryEmitter untyped = (CategoryEmitter) emitter;
            untyped.emit(null, type.eventType(), Level.INFO, payload, null);
            if (payload != null) {
                untyped.emit(null, type.eventType(), Level.INFO, DynamicMessage.getDefaultInstance(payload.getDescriptorForType()), null);
            }

            assertThat(capture.events(type.eventType())).hasSizeGreaterThanOrEqualTo(ways)
                    .allSatisfy(event -> assertThat(event.source()).as(type.eventType()).isEqualTo(expected));
        }
    }

    // The payload method (eventType, level, payload, metadata); each payload message has one.
    private static Method payloadMethod(Class<?> emitterType, Class<?> payloadClass) {
        List<Method> methods = Arrays.stream(emitterType.getMethods())
                .filter(m -> Arrays.equals(m.getParameterTypes(), new Class<?>[] {String.class, Level.class, payloadClass, Map.class}))
                .toList();
        assertThat(methods).as("payload method of " + payloadClass.getSimpleName()).hasSize(1);
        return methods.get(0);
    }

    private static List<Method> fixedMethods(Class<?> emitterType, Class<?> payloadClass) {
        return Arrays.stream(emitterType.getMethods())
                .filter(m -> Arrays.equals(m.getParameterTypes(), new Class<?>[] {payloadClass, Map.class}))
                .toList();
    }
}
