package io.stratastor.rodent.events.bench;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessorBuilder;
import io.opentelemetry.sdk.resources.Resource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The peer: the OpenTelemetry logs SDK, BatchLogRecordProcessor and the OTLP gRPC exporter, sending
 * the fixture event (body, severity, timestamp, the same 8 string attributes) to a loopback collector.
 * The exporter's gRPC sender is whichever the class path holds: OkHttp in {@code benchmarks.jar}
 * (SDK 1.68), grpc-java's ManagedChannel in {@code peer-grpc.jar} (SDK 1.63, bench/peer-grpc); the
 * same source is compiled against the first and runs on both. Thread-safe as the SDK is.
 */
final class Peer implements AutoCloseable {
    static final Attributes ATTRIBUTES = attributes();
    static final String BODY = Fixtures.peerBody();
    private static final String SENDER_SERVICE = "META-INF/services/io.opentelemetry.sdk.common.export.GrpcSenderProvider";

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

    /** Exports what is queued and waits until the export is answered: the SDK's back-pressure. */
    void flush() {
        provider.forceFlush().join(60, TimeUnit.SECONDS);
    }

    private static Attributes attributes() {
        AttributesBuilder builder = Attributes.builder();
        for (Map.Entry<String, String> entry : Fixtures.METADATA.entrySet()) {
            builder.put(entry.getKey(), entry.getValue());
        }
        return builder.build();
    }

    /** The SDK's own version, as it puts it in its default resource ({@code telemetry.sdk.version}). */
    static String sdkVersion() {
        return Resource.getDefault().getAttribute(AttributeKey.stringKey("telemetry.sdk.version"));
    }

    /**
     * The gRPC sender on the class path: {@code okhttp} or {@code grpc} (grpc-java's ManagedChannel).
     *
     * @throws IllegalStateException unless exactly one sender is there, since the exporter would then pick one by itself
     */
    static String sender() {
        List<String> providers = senderProviders();
        if (providers.size() != 1) {
            throw new IllegalStateException("expected one GrpcSenderProvider on the class path, found " + providers);
        }
        String provider = providers.get(0);
        if (provider.contains(".okhttp.")) {
            return "okhttp";
        }
        if (provider.contains(".managedchannel.")) {
            return "grpc";
        }
        throw new IllegalStateException("unknown GrpcSenderProvider " + provider);
    }

    private static List<String> senderProviders() {
        List<String> providers = new ArrayList<>();
        try {
            for (URL file : Collections.list(Peer.class.getClassLoader().getResources(SENDER_SERVICE))) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
                    reader.lines().map(line -> line.replaceFirst("#.*", "").trim()).filter(line -> !line.isEmpty()).forEach(providers::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return providers;
    }

    /** Exports what is queued and shuts the SDK down. */
    @Override
    public void close() {
        provider.shutdown().join(60, TimeUnit.SECONDS);
    }
}
