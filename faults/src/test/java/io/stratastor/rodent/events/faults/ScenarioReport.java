package io.stratastor.rodent.events.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One scenario's figures, logged and written to target/reliability/&lt;scenario&gt;.txt for docs/RELIABILITY.md. */
final class ScenarioReport {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioReport.class);
    private final String scenario;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    ScenarioReport(String scenario) {
        this.scenario = scenario;
    }

    ScenarioReport put(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    void write() throws IOException {
        StringBuilder line = new StringBuilder(scenario);
        figures.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        LOG.info("{}", line);
        Path dir = Path.of(System.getProperty("faults.report.dir", "target/reliability"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(scenario + ".txt"), line + System.lineSeparator());
    }
}
