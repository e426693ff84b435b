package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmitCommandTest {
    private final EmitCommand command = new EmitCommand();
    private final FakeEmitter storage = new FakeEmitter(Category.STORAGE);

    @BeforeEach
    void bindStorage() {
        command.addEmitter(new FakeEmitter(Category.NETWORK));
        command.addEmitter(storage);
    }

    @Test
    void emitsThroughTheCategorysEmitterAndSummarises() {
        String result = command.emit("storage.pool.created", "--payload", "{\"pool_name\": \"tank\", \"vdevs\": [\"sda\"]}",
                "--meta", "pool=tank", "--source", "zpool-cli");

        assertThat(result).isEqualTo("emitted 1 storage.pool.created (storage, info)");
        assertThat(storage.emitted).singleElement().satisfies(event -> {
            assertThat(event.source()).isEqualTo("zpool-cli");
            assertThat(event.level()).isEqualTo(Level.INFO);
            assertThat(event.payload()).isEqualTo(StoragePoolPayload.newBuilder().setPoolName("tank").addVdevs("sda").build());
            assertThat(event.metadata()).containsEntry("pool", "tank");
        });
    }

    @Test
    void acceptsJsonFieldNamesToo() {
        command.emit("storage.pool.resilvered", "--payload", "{\"poolName\": \"tank\", \"bytesResilvered\": 42, \"success\": true}");

        assertThat(storage.emitted.get(0).payload()).isEqualTo(
                StoragePoolResilverPayload.newBuilder().setPoolName("tank").setBytesResilvered(42).setSuccess(true).build());
    }

    @Test
    void withoutPayloadSendsTheEmptyPayloadMessageAndTheDefaultSource() {
        command.emit("storage.pool.created", "--level", "WARN");

        assertThat(storage.emitted.get(0).payload()).isEqualTo(StoragePoolPayload.getDefaultInstance());
        assertThat(storage.emitted.get(0).source()).isNull();
        assertThat(storage.emitted.get(0).level()).isEqualTo(Level.WARN);
    }

    @Test
    void theLevelsOfGeneration2025_12AreAccepted() {
        assertThat(command.emit("storage.disk.discovered", "--level", "essential"))
                .isEqualTo("emitted 1 storage.disk.discovered (storage, essential)");
        assertThat(command.emit("storage.disk.discovered", "--level", "debug"))
                .isEqualTo("emitted 1 storage.disk.discovered (storage, debug)");
        assertThat(command.emit("storage.disk.discovered", "--level", "Trace"))
                .isEqualTo("emitted 1 storage.disk.discovered (storage, trace)");

        assertThat(storage.emitted).extracting(FakeEmitter.Emitted::level).containsExactly(Level.ESSENTIAL, Level.DEBUG, Level.TRACE);
    }

    @Test
    void countEmitsThatManyCopies() {
        assertThat(command.emit("storage.snapshot.created", "--count", "3", "--level", "error"))
                .startsWith("emitted 3 storage.snapshot.created (storage, error) in ").endsWith("/s");
        assertThat(storage.emitted).hasSize(3);
    }

    @Test
    void unknownTypeSuggestsCloseMatches() {
        assertThat(command.emit("storage.pool.create"))
                .isEqualTo("error: unknown event type 'storage.pool.create'; did you mean storage.pool.created?");
        assertThat(command.emit("storage.pol.created"))
                .startsWith("error: unknown event type 'storage.pol.created'; did you mean storage.pool.created, storage.pool.destroyed,");
        assertThat(storage.emitted).isEmpty();
    }

    @Test
    void unknownLevelSaysWhichAreAccepted() {
        assertThat(command.emit("storage.pool.created", "--level", "loud"))
                .isEqualTo("error: unknown level 'loud'; expected one of info, warn, error, critical, essential, debug, trace");
    }

    @Test
    void badJsonNamesThePayloadMessageAndItsFields() {
        assertThat(command.emit("storage.pool.created", "--payload", "{\"pool_name\": "))
                .startsWith("error: bad --payload for storage.pool.created: ")
                .endsWith("expected a JSON object of rodent.events.StoragePoolPayload with fields pool_name, pool_state,"
                        + " pool_guid, total_size, used_size, available_size, health_status, vdevs")
                .doesNotContain("\n");
        assertThat(command.emit("storage.pool.created", "--payload", "{\"size\": 1}"))
                .startsWith("error: bad --payload for storage.pool.created: ")
                .contains("size");
    }

    @Test
    void missingEmitterNamesTheCategoryAndWhatIsRegistered() {
        assertThat(command.emit("system.startup"))
                .isEqualTo("error: no emitter for category system is registered (bundle io.stratastor.rodent.events.system"
                        + " not active?); registered: network, storage");
        assertThat(command.emit("data_transfer.transfer.started"))
                .startsWith("error: no emitter for category data_transfer is registered (bundle io.stratastor.rodent.events.datatransfer"
                        + " not active?)");
    }

    @Test
    void removedEmitterIsNoLongerUsed() {
        command.removeEmitter(storage);

        assertThat(command.emit("storage.pool.created")).startsWith("error: no emitter for category storage");
    }

    @Test
    void emitterRefusalIsReturnedAsOneLineWithProgress() {
        storage.refusal = new IllegalArgumentException("metadata key must not be blank");
        storage.refuseAfter = 2;

        assertThat(command.emit("storage.pool.created", "--count", "5"))
                .isEqualTo("error: metadata key must not be blank (after 2 of 5 emitted)");
    }

    @Test
    void argumentErrorsComeBackAsErrorLines() {
        assertThat(command.emit()).startsWith("error: missing event type; usage: events:emit TYPE");
        assertThat(command.emit("storage.pool.created", "--count", "0")).startsWith("error: --count takes a whole number");
    }
}
