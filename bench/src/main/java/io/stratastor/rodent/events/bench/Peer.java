package io.stratastor.rodent.events.bench;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessorBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The peer: the OpenTelemetry logs SDK, BatchLogRecordProcessor and the OTLP gRPC exporter, sending
 * the fixture event (body, severity, timestamp, the same 8 string attributes) to a loopback collector.
 * Thread-safe as the SDK is.
 */
final class Peer implements AutoCloseable {
    static final Attributes ATTRIBUTES = attributes();
    static final String BODY = Fixtures.peerBody();

    private final SdkLoggerProvider provider;
    private final Logger logger;

    /** {@code tuned}: maxQueueSize 20000, maxExportBatchSize 512, scheduleDelay 200 ms; else the SDK's defaults. */
    Peer(int collectorPort, boolean tuned) {
        OtlpGrpcLogRecordExporter exporter = OtlpGrpcLogRecordExporter.builder()
                .setEndpoint("http://127.0.0.1:" + collectorPort).build();
        BatchLogRecordProcessorBuilder processor = BatchLogRecordProcessor.builder(exporter);
        if (tuned) {
            processor.setMaxQueueSize(20_000).setMaxExportBatchSize(512).setScheduleDelay(Duration.ofMillis(200));
        }
        provider = SdkLoggerProvider.builder().addLogRecordProcessor(processor.build()).build();
        logger = provider.get("io.stratastor.rodent.events.bench");
    }

    void emit() {
        logger.logRecordBuilder()
                .setTimestamp(System.currentTimeMillis(), TimeUnit.MILLISECONDS)
                .setSeverity(Severity.WARN)
                .setSeverityText("WARN")
                .setBody(BODY)
                .setAllAttributes(ATTRIBUTES)
                .emit();
    }

    private static Attributes attributes() {
        AttributesBuilder builder = Attributes.builder();
        for (Map.Entry<String, String> entry : Fixtures.METADATA.entrySet()) {
            builder.put(entry.getKey(), entry.getValue());
        }
        return builder.build();
    }

    /** Exports what is queued and shuts the SDK down. */
    @Override
    public void close() {
        provider.shutdown().join(60, TimeUnit.SECONDS);
    }
}
