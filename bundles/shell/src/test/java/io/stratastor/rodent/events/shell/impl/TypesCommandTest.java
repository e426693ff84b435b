package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.proto.events.StorageDatasetPayload;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import org.junit.jupiter.api.Test;

class TypesCommandTest {
    private final TypesCommand command = new TypesCommand();

    @Test
    void listsEveryTypeGroupedByCategoryWithATotal() {
        String all = command.types();

        assertThat(all).startsWith("system (category 1): 23 types\n")
                .contains("\n\nstorage (category 2): 46 types\n")
                .contains("\n\nusage (category 9): 10 types\n")
                .contains("\n\ndata_transfer (category 10): 8 types\n")
                .endsWith("\n\n198 types in 10 categories");
        assertThat(all.lines().filter(line -> line.startsWith("  "))).hasSize(198);
    }

    @Test
    void oneCategoryShowsNumberPayloadAndFieldsWithTheirTypes() {
        String storage = command.types("STORAGE");

        assertThat(storage.lines().findFirst()).hasValue("storage (category 2): 46 types");
        assertThat(storage).containsPattern("\n  storage\\.pool\\.created +1  rodent\\.events\\.StoragePoolPayload \\{pool_name:string, "
                + "pool_state:string, pool_guid:string, total_size:int64, used_size:int64, available_size:int64, "
                + "health_status:string, vdevs:repeated string\\}");
        assertThat(storage).doesNotContain("network.");
    }

    @Test
    void mapAndRepeatedFieldsAreMarked() {
        assertThat(TypesCommand.describe(StorageDatasetPayload.getDescriptor())).contains("properties:map<string, string>");
        assertThat(TypesCommand.typeOf(StoragePoolPayload.getDescriptor().findFieldByName("vdevs"))).isEqualTo("repeated string");
    }

    @Test
    void typesWithoutPayloadSaySo() {
        assertThat(command.types("network")).contains("(no payload)");
    }

    @Test
    void unknownCategoryListsTheTen() {
        assertThat(command.types("disks")).isEqualTo("error: unknown category 'disks'; expected one of system, storage, network,"
                + " security, service, identity, access, sharing, usage, data_transfer");
        assertThat(command.types("storage", "network")).startsWith("error: takes at most one category, got 2 arguments;");
    }
}
