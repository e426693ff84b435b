package io.stratastor.rodent.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.Meta;
import io.stratastor.rodent.events.api.access.AccessEvents;
import io.stratastor.rodent.events.api.identity.IdentityEvents;
import io.stratastor.rodent.events.api.legacy.LegacyEventEmitter;
import io.stratastor.rodent.events.api.network.NetworkEvents;
import io.stratastor.rodent.events.api.security.SecurityEvents;
import io.stratastor.rodent.events.api.service.ServiceEvents;
import io.stratastor.rodent.events.api.sharing.SharingEvents;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.api.system.SystemEvents;
import io.stratastor.rodent.events.proto.events.AccessACLPayload;
import io.stratastor.rodent.events.proto.events.IdentityGroupPayload;
import io.stratastor.rodent.events.proto.events.NetworkInterfacePayload;
import io.stratastor.rodent.events.proto.events.SecurityKeyPayload;
import io.stratastor.rodent.events.proto.events.ServiceStatusPayload;
import io.stratastor.rodent.events.proto.events.SharingSharePayload;
import io.stratastor.rodent.events.proto.events.StorageSnapshotPayload;
import io.stratastor.rodent.events.proto.events.SystemStartupPayload;
import io.stratastor.rodent.events.testing.EventCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Every category and the backward-compatible emitter in one node: registered by DS, and their events reach Toggle intact. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AllCategoriesIT {
    private static final String TOKEN = "itest-token-all";

    @Inject private BundleContext context;
    @Inject private ServiceComponentRuntime scr;
    @Inject private ConfigurationAdmin configAdmin;
    @Inject private EventSystem eventSystem;
    @Inject private SystemEvents system;
    @Inject private StorageEvents storage;
    @Inject private NetworkEvents network;
    @Inject private SecurityEvents security;
    @Inject private ServiceEvents service;
    @Inject private IdentityEvents identity;
    @Inject private AccessEvents access;
    @Inject private SharingEvents sharing;
    @Inject private LegacyEventEmitter legacy;

    @Configuration
    public Option[] configure() {
        ToggleBridge.start(AllCategoriesIT.class, TOKEN);
        return new Option[] {NodeOptions.node()};
    }

    @Test
    public void everyBundleAndComponentOfTheProjectIsActive() throws Exception {
        List<String> components = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (!bundle.getSymbolicName().startsWith("io.stratastor.rodent.events")) {
                continue;
            }
            assertEquals(bundle.getSymbolicName() + " state", Bundle.ACTIVE, bundle.getState());
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    // A delayed component (the shell's commands) becomes ACTIVE only once someone gets its service.
                    int state = !description.immediate && configuration.state == ComponentConfigurationDTO.SATISFIED
                            ? ComponentConfigurationDTO.ACTIVE : configuration.state;
                    assertEquals(description.name + " state", ComponentConfigurationDTO.ACTIVE, state);
                    components.add(description.implementationClass.substring(description.implementationClass.lastIndexOf('.') + 1));
                }
            }
        }
        assertEquals(List.of("AccessEventsComponent", "ConfigCommand", "DataTransferEventsComponent", "DlqCommand", "EmitCommand",
                "EventPipelineComponent", "FlushCommand", "IdentityEventsComponent", "LegacyEventEmitterComponent", "NetworkEventsComponent",
                "RecentEvents", "SecurityEventsComponent", "ServiceEventsComponent", "SharingEventsComponent", "SpoolCommand",
                "StatsCommand", "StorageEventsComponent", "SystemEventsComponent", "TailCommand", "TypesCommand", "UnmigratedCommand",
                "UsageEventsComponent"),
                components.stream().sorted().collect(Collectors.toList()));
        assertEquals("one CategoryEmitter per category", 10, context.getServiceReferences(CategoryEmitter.class, null).size());
    }

    @Test
    public void oneEventPerCategoryAndOneThroughTheOldApiReachToggleIntact() throws Exception {
        ToggleView toggle = new ToggleView(AllCategoriesIT.class);
        NodeConfig.toggle(configAdmin, toggle.address(), TOKEN);
        Conditions.await("the core to take the Toggle address", Duration.ofSeconds(30),
                () -> toggle.address().equals(eventSystem.stats().get("toggle_address")), eventSystem::stats);
        Map<String, String> meta = Meta.builder().put(Meta.HOST, "node-1").build();

        try (EventCapture capture = EventCapture.inFramework(context)) {
            system.emitStartup(SystemStartupPayload.newBuilder().setVersion("1.2.3").setHostname("node-1").build(), meta);
            storage.emitSnapshot(EventTypes.STORAGE_SNAPSHOT_CREATED, Level.INFO,
                    StorageSnapshotPayload.newBuilder().setSnapshotName("tank/home@daily").build(), meta);
            network.emitInterface(EventTypes.NETWORK_INTERFACE_DOWN, Level.WARN,
                    NetworkInterfacePayload.newBuilder().setInterfaceName("eth0").setMtu(9000).build(), meta);
            security.emitKey(EventTypes.SECURITY_SSH_KEY_ADDED, Level.INFO,
                    SecurityKeyPayload.newBuilder().setKeyId("k1").setKeySize(4096).build(), meta);
            service.emitStatus(EventTypes.SERVICE_CRASHED, Level.CRITICAL,
                    ServiceStatusPayload.newBuilder().setServiceName("smbd").setCpuUsagePercent(12.5).build(), meta);
            identity.emitGroup(EventTypes.IDENTITY_GROUP_MEMBER_ADDED, Level.INFO,
                    IdentityGroupPayload.newBuilder().setGroupName("admins").addMembers("alice").build(), meta);
            access.emitAcl(EventTypes.ACCESS_ACL_UPDATED, Level.INFO,
                    AccessACLPayload.newBuilder().setResourcePath("/tank/home").setInherited(true).build(), meta);
            sharing.emit(EventTypes.SHARING_QUOTA_EXCEEDED, Level.ERROR, meta);
            legacy.emitStorageEvent(EventTypes.STORAGE_POOL_IMPORTED, Level.INFO, "pool-importer",
                    Map.of("pool_name", "tank", "vdevs", List.of("sda", "sdb")), meta);
            // A type upstream's modules still send, which the catalogue lacks: accepted on the old path, as upstream did.
            legacy.emitSecurityEvent("security.user.created", Level.INFO, "ad-manager", Map.of("username", "alice"), meta);

            assertTrue("flushed: " + eventSystem.stats(), eventSystem.flush(30_000));
            assertTrue("Toggle received all ten", toggle.awaitUnique(10, Duration.ofSeconds(30)));
            assertEquals("the in-framework capture saw them too", 10, capture.events().size());
            capture.assertEmitted(EventTypes.SERVICE_CRASHED).hasLevel(Level.CRITICAL).hasPayloadField("cpu_usage_percent", 12.5);
        }

        Map<String, ReceivedEvent> received = toggle.events().stream().collect(Collectors.toMap(ReceivedEvent::type, Function.identity()));
        assertPayload(received, EventTypes.SYSTEM_STARTUP, SystemStartupPayload.newBuilder().setVersion("1.2.3").setHostname("node-1").build());
        assertPayload(received, EventTypes.STORAGE_SNAPSHOT_CREATED, StorageSnapshotPayload.newBuilder().setSnapshotName("tank/home@daily").build());
        assertPayload(received, EventTypes.NETWORK_INTERFACE_DOWN, NetworkInterfacePayload.newBuilder().setInterfaceName("eth0").setMtu(9000).build());
        assertPayload(received, EventTypes.SECURITY_SSH_KEY_ADDED, SecurityKeyPayload.newBuilder().setKeyId("k1").setKeySize(4096).build());
        assertPayload(received, EventTypes.SERVICE_CRASHED, ServiceStatusPayload.newBuilder().setServiceName("smbd").setCpuUsagePercent(12.5).build());
        assertPayload(received, EventTypes.IDENTITY_GROUP_MEMBER_ADDED, IdentityGroupPayload.newBuilder().setGroupName("admins").addMembers("alice").build());
        assertPayload(received, EventTypes.ACCESS_ACL_UPDATED, AccessACLPayload.newBuilder().setResourcePath("/tank/home").setInherited(true).build());
        assertEquals(List.of(), received.get(EventTypes.SHARING_QUOTA_EXCEEDED).problems());
        assertTrue(received.get(EventTypes.SHARING_QUOTA_EXCEEDED).payload().isEmpty());

        // The old API's map payload travels as that map's JSON object.
        ReceivedEvent old = received.get(EventTypes.STORAGE_POOL_IMPORTED);
        assertEquals(List.of(), old.problems());
        assertEquals("tank", old.payload().get("pool_name"));
        assertEquals(2, ((List<?>) old.payload().get("vdevs")).size());
        assertEquals("pool-importer", old.source());
        for (ReceivedEvent event : received.values()) {
            assertEquals(event.type() + " category", event.type().substring(0, event.type().indexOf('.')),
                    event.category().replace("EVENT_CATEGORY_", "").toLowerCase());
            assertEquals(event.type() + " metadata", Map.of("host", "node-1"), event.metadata());
        }
        assertEquals(2L, eventSystem.stats().get("legacy_emitted"));
        ReceivedEvent unmigrated = received.get("security.user.created");
        assertEquals("EVENT_CATEGORY_SECURITY", unmigrated.category());
        assertEquals("alice", unmigrated.payload().get("username"));
        assertEquals(List.of(), unmigrated.problems());
        assertEquals(1, eventSystem.unmigratedTypes().size());
        assertEquals("ad-manager", eventSystem.unmigratedTypes().get(0).source());
        assertEquals(1L, eventSystem.stats().get("legacy_uncatalogued"));
    }

    // Decoded with the type's payload message, without a problem, to the fields the node set.
    private static void assertPayload(Map<String, ReceivedEvent> received, String type, com.google.protobuf.Message expected) {
        ReceivedEvent event = received.get(type);
        assertEquals(type + " problems", List.of(), event.problems());
        assertEquals(type + " payload", ReceivedEvent.payloadOf(expected), event.payload());
    }
}
