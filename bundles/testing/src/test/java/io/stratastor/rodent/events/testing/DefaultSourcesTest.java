package io.stratastor.rodent.events.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
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
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one rule for default sources: a payload method's default source is the one upstream
 * Rodent's emitter of that payload uses (docs/IMPLEMENTATION.md, Categories). Checked for every
 * payload method of every category, through the real components.
 */
class DefaultSourcesTest {
    private static final EventCatalog CATALOG = EventCatalog.fromSchema();
    private static final List<Class<?>> EMITTERS = List.of(SystemEvents.class, StorageEvents.class, NetworkEvents.class,
            SecurityEvents.class, ServiceEvents.class, IdentityEvents.class, AccessEvents.class, SharingEvents.class, UsageEvents.class,
            DataTransferEvents.class);
    private static final Map<String, String> BY_PAYLOAD = Map.ofEntries(
            Map.entry("SystemStartupPayload", "system"), Map.entry("SystemConfigChangePayload", "system"),
            Map.entry("SystemRegistrationPayload", "system"), Map.entry("SystemShutdownPayload", "system"),
            Map.entry("SystemUserPayload", "system-user-manager"),
            Map.entry("StoragePoolPayload", "zfs-pool-manager"), Map.entry("StoragePoolResilverPayload", "zfs-pool-manager"),
            Map.entry("StorageDatasetPayload", "zfs-dataset-manager"), Map.entry("StorageSnapshotPayload", "zfs-snapshot-manager"),
            Map.entry("StorageTransferPayload", "zfs-transfer-manager"), Map.entry("StorageDiskPayload", "rodent.disk-manager"),
            Map.entry("StorageDiskProbePayload", "rodent.disk-manager.probe"),
            Map.entry("NetworkInterfacePayload", "netmage"), Map.entry("NetworkConnectionPayload", "netmage"),
            Map.entry("SecurityAuthPayload", "auth-manager"), Map.entry("SecurityKeyPayload", "key-manager"),
            Map.entry("SecurityCertificatePayload", "cert-manager"), Map.entry("ServiceStatusPayload", "service-manager"),
            Map.entry("IdentityUserPayload", "ad-manager"), Map.entry("IdentityGroupPayload", "ad-manager"),
            Map.entry("IdentityComputerPayload", "ad-manager"), Map.entry("AccessACLPayload", "facl-manager"),
            Map.entry("AccessPermissionPayload", "facl-manager"), Map.entry("SharingSharePayload", "share-manager"),
            Map.entry("SharingConnectionPayload", "share-manager"), Map.entry("SharingFileAccessPayload", "share-manager"),
            Map.entry("UsageQuotaPayload", "usage-monitor"), Map.entry("UsageResourcePayload", "usage-monitor"),
            Map.entry("UsageThresholdPayload", "usage-monitor"), Map.entry("DataTransferTransferPayload", "rodent.zfs-transfer-manager"));
    // The types without payload message, emitted by emit(type, level, metadata).
    private static final Map<Category, String> WITHOUT_PAYLOAD = Map.of(Category.SYSTEM, "system", Category.NETWORK, "netmage",
            Category.SECURITY, "security-monitor", Category.IDENTITY, "ad-manager", Category.SHARING, "share-manager");

    @Test
    void everyPayloadMethodUsesUpstreamsSourceForItsPayload() throws Exception {
        int checked = 0;
        for (Class<?> emitter : EMITTERS) {
            for (Method method : emitter.getMethods()) {
                Class<?>[] parameters = method.getParameterTypes();
                if (parameters.length != 4 || parameters[0] != String.class || parameters[1] != Level.class
                        || !Message.class.isAssignableFrom(parameters[2])) {
                    continue;
                }
                Message prototype = (Message) parameters[2].getMethod("getDefaultInstance").invoke(null);
                EventTypeDefinition type = CATALOG.types().stream()
                        .filter(t -> t.payloadTypeName().equals(prototype.getDescriptorForType().getFullName())).findFirst().orElseThrow();
                try (EventCapture capture = EventCapture.standalone()) {
                    method.invoke(capture.emitter(emitter), type.eventType(), Level.INFO, prototype, null);
                    String expected = BY_PAYLOAD.get(prototype.getDescriptorForType().getName());
                    assertThat(capture.events()).as(emitter.getSimpleName() + "." + method.getName()).singleElement()
                            .satisfies(event -> assertThat(event.source()).as(emitter.getSimpleName() + "." + method.getName())
                                    .isEqualTo(expected));
                }
                checked++;
            }
        }
        assertThat(checked).as("payload methods checked").isEqualTo(BY_PAYLOAD.size());
    }

    @Test
    void typesWithoutPayloadTakeTheirCategorysSource() throws Exception {
        for (Map.Entry<Category, String> category : WITHOUT_PAYLOAD.entrySet()) {
            Class<?> emitter = EMITTERS.get(category.getKey().id() - 1);
            EventTypeDefinition type = CATALOG.types(category.getKey().wireValue()).stream()
                    .filter(t -> t.payloadPrototype().isEmpty()).findFirst().orElseThrow();
            try (EventCapture capture = EventCapture.standalone()) {
                emitter.getMethod("emit", String.class, Level.class, Map.class).invoke(capture.emitter(emitter), type.eventType(),
                        Level.INFO, null);
                assertThat(capture.events()).singleElement().satisfies(event -> assertThat(event.source())
                        .as(type.eventType()).isEqualTo(category.getValue()));
            }
        }
    }
}
