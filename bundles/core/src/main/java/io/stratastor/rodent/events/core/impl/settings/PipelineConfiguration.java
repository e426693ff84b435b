package io.stratastor.rodent.events.core.impl.settings;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@value #PID}: the {@code events:} section of {@code rodent.yml} as is, and its
 * {@code toggle:} section under {@code toggle.}. Zero or empty means "the profile's value".
 */
@ObjectClassDefinition(
        id = PipelineConfiguration.PID,
        name = "Rodent Events",
        description = "The event pipeline of this node: profile, buffering, batching, filtering, retries and the Toggle connection.")
public @interface PipelineConfiguration {
    String PID = "rodent.events";

    @AttributeDefinition(name = "Profile", description = "Starting values for buffer, batch and levels; explicit keys override them.",
            options = {
                @org.osgi.service.metatype.annotations.Option(label = "default", value = "default"),
                @org.osgi.service.metatype.annotations.Option(label = "high-throughput", value = "high-throughput"),
                @org.osgi.service.metatype.annotations.Option(label = "low-latency", value = "low-latency"),
                @org.osgi.service.metatype.annotations.Option(label = "minimal", value = "minimal")})
    String profile() default "default";

    @AttributeDefinition(name = "Buffer size", description = "Events the shipper holds in memory at most (read from the spool for a batch), and the capacity of the in-memory store used when the spool cannot open; the spool's capacity is spool_capacity. 0 takes the profile's value.", min = "0")
    int buffer__size() default 0;

    @AttributeDefinition(name = "Flush threshold", description = "Pending events at which batches ship without waiting for the batch timeout; 0 takes the profile's value.", min = "0")
    int flush__threshold() default 0;

    @AttributeDefinition(name = "Batch size", description = "Events per batch sent to Toggle; 0 takes the profile's value.", min = "0")
    int batch__size() default 0;

    @AttributeDefinition(name = "Batch timeout", description = "Seconds the oldest pending event waits for a full batch; 0 takes the profile's value.", min = "0")
    double batch__timeout() default 0;

    @AttributeDefinition(name = "Enabled levels", description = "Levels shipped (trace, debug, info, warn, error, critical, essential); empty takes the profile's levels: all but debug and trace, or essential, error and critical in minimal.")
    String[] enabled__levels() default {};

    @AttributeDefinition(name = "Enabled categories", description = "Categories shipped (system, storage, network, security, service, identity, access, sharing, usage, data_transfer); empty means all.")
    String[] enabled__categories() default {};

    @AttributeDefinition(name = "Retry attempts", description = "Failed sends over which the retry backoff grows; past them it stays at its ceiling. Batches are never dropped.", min = "1")
    int max__retry__attempts() default 5;

    @AttributeDefinition(name = "Retry backoff base", description = "Seconds before the first retry; doubles per failed send.")
    double retry__backoff__base() default 1;

    @AttributeDefinition(name = "Retry backoff max", description = "Ceiling of the retry backoff, in seconds.")
    double retry__backoff__max() default 60;

    @AttributeDefinition(name = "Spool segment size", description = "Bytes per spool segment file.", min = "65536")
    long max__file__size() default 10L * 1024 * 1024;

    @AttributeDefinition(name = "Shutdown timeout", description = "Seconds a stop waits for pending events to ship.")
    double shutdown__timeout() default 10;

    @AttributeDefinition(name = "Replay rate", description = "Events per second the node sends at most while it drains a backlog (more events waiting than one full batch, e.g. after Toggle was away), so a fleet coming back does not flood Toggle; the steady flow below it is not held. 0: unlimited.", min = "0")
    int replay__rate() default 0;

    @AttributeDefinition(name = "Spool directory", description = "Where accepted events are kept until Toggle has them; empty: the node's data/spool (framework property rodent.events.spool.dir), else the core bundle's data area. Read at start.")
    String spool__directory() default "";

    @AttributeDefinition(name = "Spool capacity", description = "Bytes of unacknowledged events the spool may hold; past it the overflow policy refuses new events.", min = "65536")
    long spool__capacity() default 1024L * 1024 * 1024;

    @AttributeDefinition(name = "Fsync policy", description = "When spooled events are forced to the device: none (kill -9 safe, power loss may take ~30 s), interval (every fsync_interval), batch (per batch sent and acknowledged).",
            options = {
                @org.osgi.service.metatype.annotations.Option(label = "none", value = "none"),
                @org.osgi.service.metatype.annotations.Option(label = "interval", value = "interval"),
                @org.osgi.service.metatype.annotations.Option(label = "batch", value = "batch")})
    String fsync__policy() default "interval";

    @AttributeDefinition(name = "Fsync interval", description = "Seconds between forced writes with fsync_policy interval.")
    double fsync__interval() default 1;

    @AttributeDefinition(name = "Overflow policy", description = "Which events a full spool refuses: by_level (TRACE, DEBUG and INFO past 70 %, WARN 85 %, ERROR and ESSENTIAL 95 %, CRITICAL 100 % of the capacity) or refuse_newest (any level at 100 %).",
            options = {
                @org.osgi.service.metatype.annotations.Option(label = "by_level", value = "by_level"),
                @org.osgi.service.metatype.annotations.Option(label = "refuse_newest", value = "refuse_newest")})
    String overflow__policy() default "by_level";

    @AttributeDefinition(name = "Redacted names", description = "Metadata keys and plain-map payload fields whose names contain any of these (case-insensitively) have their values replaced by [REDACTED] before they are kept.")
    String[] redact__keys() default {"password", "passwd", "passphrase", "secret", "token", "private_key", "api_key", "credential"};

    @AttributeDefinition(name = "Toggle address", description = "host:port of Toggle; several as host:port,host:port, or every address of a name as dns:///host:port "
            + "(batches spread round robin over those that answer); empty keeps events on the node until one is set.")
    String toggle_address() default "";

    @AttributeDefinition(name = "Toggle token", description = "The node's JWT for Toggle. Prefer the token file.", type = AttributeType.PASSWORD)
    String toggle_jwt() default "";

    @AttributeDefinition(name = "Toggle token file", description = "A file holding the node's JWT; preferred to the token itself.")
    String toggle_jwt__file() default "";

    @AttributeDefinition(name = "Toggle TLS", description = "Connect to Toggle over TLS.")
    boolean toggle_tls() default false;

    @AttributeDefinition(name = "Toggle CA file", description = "PEM file of the CAs trusted for Toggle's certificate; empty uses the JVM's.")
    String toggle_ca__file() default "";

    @AttributeDefinition(name = "Toggle client certificate", description = "PEM certificate chain presented to Toggle for mutual TLS; empty: none.")
    String toggle_cert__file() default "";

    @AttributeDefinition(name = "Toggle client key", description = "PEM (PKCS#8) private key of the client certificate.")
    String toggle_key__file() default "";

    @AttributeDefinition(name = "Toggle deadline", description = "Seconds one send to Toggle may take.")
    double toggle_deadline() default 10;

    @AttributeDefinition(name = "Toggle schema", description = "The generation of the Rodent-Toggle schema Toggle reads: 2025-09 (dotted event_type, payload as JSON) or 2025-12 (category wrappers with an operation). Events are encoded in it when they are sent, so a change applies to the backlog too.",
            options = {
                @org.osgi.service.metatype.annotations.Option(label = "2025-09", value = "2025-09"),
                @org.osgi.service.metatype.annotations.Option(label = "2025-12", value = "2025-12")})
    String toggle_schema() default "2025-09";

    @AttributeDefinition(name = "Toggle compression", description = "How batches are compressed on their way to Toggle: none, or gzip (gRPC's message compression, which Toggle's grpc-java server reads by default). gzip trades the node's CPU for bandwidth; a change makes a new connection.",
            options = {
                @org.osgi.service.metatype.annotations.Option(label = "none", value = "none"),
                @org.osgi.service.metatype.annotations.Option(label = "gzip", value = "gzip")})
    String toggle_compression() default "none";
}
