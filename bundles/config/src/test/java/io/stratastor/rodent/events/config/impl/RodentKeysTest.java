package io.stratastor.rodent.events.config.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.core.impl.settings.PipelineConfiguration;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RodentKeysTest {
    @Test
    void everySpellingInAnyCaseFindsTheSameKey() {
        for (String spelling : new String[] {"batch_size", "batchSize", "BatchSize", "BATCHSIZE", "batchsize", "Batch_Size"}) {
            assertThat(RodentKeys.find("events", spelling)).as(spelling).get()
                    .extracting(RodentKeys.Key::property).isEqualTo("batch_size");
        }
        assertThat(RodentKeys.find("toggle", "rpcAddr")).get().extracting(RodentKeys.Key::property).isEqualTo("toggle.address");
        assertThat(RodentKeys.find("toggle", "RPCADDR")).get().extracting(RodentKeys.Key::property).isEqualTo("toggle.address");
        assertThat(RodentKeys.find("toggle", "enable")).get().extracting(RodentKeys.Key::kind).isEqualTo(RodentKeys.Kind.TOGGLE_ENABLE);
        assertThat(RodentKeys.find("toggle", "Enabled")).get().extracting(RodentKeys.Key::kind).isEqualTo(RodentKeys.Kind.TOGGLE_ENABLE);
        assertThat(RodentKeys.find("toggle", "baseurl")).get().extracting(RodentKeys.Key::kind).isEqualTo(RodentKeys.Kind.IGNORED);
    }

    @Test
    void keysBelongToTheirSection() {
        assertThat(RodentKeys.find("events", "address")).isEmpty();
        assertThat(RodentKeys.find("toggle", "batch_size")).isEmpty();
    }

    @Test
    void upstreamCamelCaseKeysAreSpellingsOfOurs() {
        for (String upstream : new String[] {"profile", "bufferSize", "flushThreshold", "batchSize", "batchTimeout", "maxFileSize"}) {
            assertThat(RodentKeys.find("events", upstream)).as(upstream).isPresent();
            assertThat(RodentKeys.find("events", upstream).get().spellings()).contains(upstream);
        }
        for (String upstream : new String[] {"enable", "jwt", "baseURL", "rpcAddr"}) {
            assertThat(RodentKeys.find("toggle", upstream).get().spellings()).as(upstream).contains(upstream);
        }
    }

    @Test
    void nearestSpellingIsByEditDistanceIgnoringCase() {
        assertThat(RodentKeys.nearest("events", "batchSzie")).isEqualTo("batchSize");
        assertThat(RodentKeys.nearest("events", "batch_sise")).isEqualTo("batch_size");
        assertThat(RodentKeys.nearest("events", "BUFFERSIZ")).isEqualTo("bufferSize");
        assertThat(RodentKeys.nearest("toggle", "adress")).isEqualTo("address");
        assertThat(RodentKeys.nearest("toggle", "rpcAdr")).isEqualTo("rpcAddr");
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(RodentKeys.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(RodentKeys.editDistance("", "abc")).isEqualTo(3);
        assertThat(RodentKeys.editDistance("same", "same")).isZero();
    }

    @Test
    void theTableHoldsExactlyTheMetatypesKeysPlusEnableAndBaseUrl() {
        var metatype = Arrays.stream(PipelineConfiguration.class.getDeclaredMethods())
                .map(Method::getName)
                .map(RodentKeysTest::dsPropertyName)
                .collect(Collectors.toSet());
        var settable = RodentKeys.all().stream()
                .filter(key -> key.kind() != RodentKeys.Kind.TOGGLE_ENABLE && key.kind() != RodentKeys.Kind.IGNORED)
                .map(RodentKeys.Key::property)
                .collect(Collectors.toSet());

        assertThat(settable).isEqualTo(metatype);
    }

    // DS's mapping of an annotation method to a property name: "__" is "_", a lone "_" is ".".
    private static String dsPropertyName(String method) {
        return method.replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }
}
