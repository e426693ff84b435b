package io.stratastor.rodent.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FelixNodeTest {

    @Test
    void storageIsCleanedOnFirstInitAndTheConfigFileIsAbsolute() {
        Map<String, String> properties = FelixNode.frameworkProperties(Path.of("/opt/re"), Path.of("/opt/re/etc/rodent.yml"), true);

        assertThat(properties)
                .containsEntry("org.osgi.framework.storage", "/opt/re/data/cache")
                .containsEntry("org.osgi.framework.storage.clean", "onFirstInit")
                .containsEntry("rodent.events.config", "/opt/re/etc/rodent.yml")
                .doesNotContainKey("gosh.args");
    }

    @Test
    void theSpoolLivesOutsideTheCleanedCache() {
        assertThat(FelixNode.frameworkProperties(Path.of("/opt/re"), Path.of("/x.yml"), false))
                .containsEntry("rodent.events.spool.dir", "/opt/re/data/spool")
                .containsEntry("felix.cm.pm", "memory");
    }

    @Test
    void nonInteractiveNodesKeepGogoOffStdin() {
        assertThat(FelixNode.frameworkProperties(Path.of("/opt/re"), Path.of("/x.yml"), false))
                .containsEntry("gosh.args", "--nointeractive");
    }
}
