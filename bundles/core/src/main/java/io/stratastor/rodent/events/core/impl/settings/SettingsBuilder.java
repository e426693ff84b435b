package io.stratastor.rodent.events.core.impl.settings;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.core.impl.wire.Generation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns raw configuration values into validated {@link Settings}: the profile first, then every
 * explicit key over it. A zero, empty or null value means "not set". Errors name the key and the
 * accepted range and never echo the token. Not thread-safe; use one per build.
 */
public final class SettingsBuilder {
    private String profile;
    private int bufferSize;
    private int flushThreshold;
    private int batchSize;
    private double batchTimeoutSeconds;
    private String[] enabledLevels;
    private String[] enabledCategories;
    private int maxRetryAttempts;
    private double retryBackoffBaseSeconds;
    private double retryBackoffMaxSeconds;
    private long maxFileSize;
    private double shutdownTimeoutSeconds;
    private int replayRate;
    private String toggleAddress;
    private String toggleJwt;
    private String toggleJwtFile;
    private boolean toggleTls;
    private String toggleCaFile;
    private String toggleCertFile;
    private String toggleKeyFile;
    private double toggleDeadlineSeconds;
    private String toggleSchema;
    private String toggleCompression;
    private String spoolDirectory;
    private long spoolCapacity;
    private String fsyncPolicy;
    private double fsyncIntervalSeconds;
    private String overflowPolicy;
    private String[] redactKeys;

    /** Every key at its default, as {@link PipelineConfiguration} declares it. */
    public SettingsBuilder() {
        this(ConfigurationDefaults.VALUES);
    }

    private SettingsBuilder(PipelineConfiguration config) {
        profile(config.profile());
        bufferSize(config.buffer__size());
        flushThreshold(config.flush__threshold());
        batchSize(config.batch__size());
        batchTimeoutSeconds(config.batch__timeout());
        enabledLevels(config.enabled__levels());
        enabledCategories(config.enabled__categories());
        maxRetryAttempts(config.max__retry__attempts());
        retryBackoffBaseSeconds(config.retry__backoff__base());
        retryBackoffMaxSeconds(config.retry__backoff__max());
        maxFileSize(config.max__file__size());
        shutdownTimeoutSeconds(config.shutdown__timeout());
        replayRate(config.replay__rate());
        toggleAddress(config.toggle_address());
        toggleJwt(config.toggle_jwt());
        toggleJwtFile(config.toggle_jwt__file());
        toggleTls(config.toggle_tls());
        toggleCaFile(config.toggle_ca__file());
        toggleCertFile(config.toggle_cert__file());
        toggleKeyFile(config.toggle_key__file());
        toggleDeadlineSeconds(config.toggle_deadline());
        toggleSchema(config.toggle_schema());
        toggleCompression(config.toggle_compression());
        spoolDirectory(config.spool__directory());
        spoolCapacity(config.spool__capacity());
        fsyncPolicy(config.fsync__policy());
        fsyncIntervalSeconds(config.fsync__interval());
        overflowPolicy(config.overflow__policy());
        redactKeys(config.redact__keys());
    }

    /** The keys of a configuration (Config Admin's, through DS), to validate and build. */
    public static SettingsBuilder of(PipelineConfiguration config) {
        RawConfigurationCheck.check(config);
        return new SettingsBuilder(config);
    }

    public SettingsBuilder profile(String value) { profile = value; return this; }
    public SettingsBuilder bufferSize(int value) { bufferSize = value; return this; }
    public SettingsBuilder flushThreshold(int value) { flushThreshold = value; return this; }
    public SettingsBuilder batchSize(int value) { batchSize = value; return this; }
    public SettingsBuilder batchTimeoutSeconds(double value) { batchTimeoutSeconds = value; return this; }
    public SettingsBuilder enabledLevels(String... values) { enabledLevels = values == null ? new String[0] : values; return this; }
    public SettingsBuilder enabledCategories(String... values) { enabledCategories = values == null ? new String[0] : values; return this; }
    public SettingsBuilder maxRetryAttempts(int value) { maxRetryAttempts = value; return this; }
    public SettingsBuilder retryBackoffBaseSeconds(double value) { retryBackoffBaseSeconds = value; return this; }
    public SettingsBuilder retryBackoffMaxSeconds(double value) { retryBackoffMaxSeconds = value; return this; }
    public SettingsBuilder maxFileSize(long value) { maxFileSize = value; return this; }
    public SettingsBuilder shutdownTimeoutSeconds(double value) { shutdownTimeoutSeconds = value; return this; }
    public SettingsBuilder replayRate(int value) { replayRate = value; return this; }
    public SettingsBuilder toggleAddress(String value) { toggleAddress = value; return this; }
    public SettingsBuilder toggleJwt(String value) { toggleJwt = value; return this; }
    public SettingsBuilder toggleJwtFile(String value) { toggleJwtFile = value; return this; }
    public SettingsBuilder toggleTls(boolean value) { toggleTls = value; return this; }
    public SettingsBuilder toggleCaFile(String value) { toggleCaFile = value; return this; }
    public SettingsBuilder toggleCertFile(String value) { toggleCertFile = value; return this; }
    public SettingsBuilder toggleKeyFile(String value) { toggleKeyFile = value; return this; }
    public SettingsBuilder toggleDeadlineSeconds(double value) { toggleDeadlineSeconds = value; return this; }
    public SettingsBuilder toggleSchema(String value) { toggleSchema = value; return this; }
    public SettingsBuilder toggleCompression(String value) { toggleCompression = value; return this; }
    public SettingsBuilder spoolDirectory(String value) { spoolDirectory = value; return this; }
    public SettingsBuilder spoolCapacity(long value) { spoolCapacity = value; return this; }
    public SettingsBuilder fsyncPolicy(String value) { fsyncPolicy = value; return this; }
    public SettingsBuilder fsyncIntervalSeconds(double value) { fsyncIntervalSeconds = value; return this; }
    public SettingsBuilder overflowPolicy(String value) { overflowPolicy = value; return this; }
    /**
     * Name fragments of metadata keys and Struct fields to redact; null, empty or only blank keeps the
     * defaults ({@code redact_keys: ""} must not turn redaction off).
     */
    public SettingsBuilder redactKeys(String... values) {
        boolean none = values == null || java.util.Arrays.stream(values).allMatch(value -> value == null || value.isBlank());
        redactKeys = none ? ConfigurationDefaults.VALUES.redact__keys() : values;
        return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming the first key out of range and what it accepts
     */
    public Settings build() {
        Profile chosen = Profile.parse(profile);
        int buffer = orProfile("buffer_size", bufferSize, chosen.bufferSize());
        int threshold = orProfile("flush_threshold", flushThreshold, chosen.flushThreshold());
        int batch = orProfile("batch_size", batchSize, chosen.batchSize());
        if (threshold > buffer) {
            throw new IllegalArgumentException("flush_threshold: " + threshold + " is above buffer_size " + buffer
                    + "; expected 1 to buffer_size");
        }
        if (batch > buffer) {
            throw new IllegalArgumentException("batch_size: " + batch + " is above buffer_size " + buffer
                    + "; expected 1 to buffer_size");
        }
        Duration batchTimeout = batchTimeoutSeconds == 0 ? chosen.batchTimeout() : seconds("batch_timeout", batchTimeoutSeconds);
        Set<Level> levels = enabledLevels.length == 0 ? chosen.levels() : parsed("enabled_levels", "level", enabledLevels, Level.class, Level::parse, Level::label);
        Set<Category> categories = enabledCategories.length == 0 ? EnumSet.allOf(Category.class) : parsed("enabled_categories", "category", enabledCategories,
                Category.class, Category::parse, Category::label);
        if (maxRetryAttempts < 1) {
            throw new IllegalArgumentException("max_retry_attempts: " + maxRetryAttempts + "; expected 1 or more");
        }
        Duration backoffBase = seconds("retry_backoff_base", retryBackoffBaseSeconds);
        Duration backoffMax = seconds("retry_backoff_max", retryBackoffMaxSeconds);
        if (backoffMax.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("retry_backoff_max: " + retryBackoffMaxSeconds
                    + " is below retry_backoff_base " + retryBackoffBaseSeconds + "; expected at least retry_backoff_base");
        }
        if (replayRate < 0) {
            throw new IllegalArgumentException("replay_rate: " + replayRate + "; expected 0 (unlimited) or more events per second");
        }
        return new Settings(chosen, buffer, threshold, batch, Settings.DEFAULT_MAX_BATCH_BYTES, batchTimeout, levels, categories,
                maxRetryAttempts, backoffBase, backoffMax, maxFileSize, seconds("shutdown_timeout", shutdownTimeoutSeconds),
                toggle(), trim(spoolDirectory), spool(), split(redactKeys), replayRate);
    }

    private SpoolSettings spool() {
        if (maxFileSize < SpoolSettings.MIN_FILE_SIZE || maxFileSize > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("max_file_size: " + maxFileSize + "; expected " + SpoolSettings.MIN_FILE_SIZE
                    + " to " + Integer.MAX_VALUE / 2 + " bytes");
        }
        if (spoolCapacity < maxFileSize) {
            throw new IllegalArgumentException("spool_capacity: " + spoolCapacity + "; expected at least max_file_size ("
                    + maxFileSize + " bytes)");
        }
        FsyncPolicy fsync = choice("fsync_policy", fsyncPolicy, FsyncPolicy.class);
        OverflowPolicy overflow = choice("overflow_policy", overflowPolicy, OverflowPolicy.class);
        return new SpoolSettings((int) maxFileSize, spoolCapacity, fsync, seconds("fsync_interval", fsyncIntervalSeconds), overflow);
    }

    private static <E extends Enum<E>> E choice(String key, String value, Class<E> type) {
        String wanted = trim(value).toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (E option : type.getEnumConstants()) {
            if (option.name().equals(wanted)) {
                return option;
            }
        }
        throw new IllegalArgumentException(key + ": unknown value " + Shown.quoted(value) + "; expected one of "
                + labels(type.getEnumConstants(), e -> e.name().toLowerCase(java.util.Locale.ROOT)));
    }

    private ToggleSettings toggle() {
        String address = trim(toggleAddress);
        if (!address.isEmpty()) {
            ToggleAddress.parse(address);
        }
        if (trim(toggleCertFile).isEmpty() != trim(toggleKeyFile).isEmpty()) {
            throw new IllegalArgumentException("toggle.cert_file and toggle.key_file go together; expected both PEM files for mutual TLS, or neither");
        }
        if (!toggleTls && !(trim(toggleCaFile) + trim(toggleCertFile)).isEmpty()) {
            throw new IllegalArgumentException("toggle.ca_file and toggle.cert_file need toggle.tls: true");
        }
        return new ToggleSettings(address, token(), toggleTls, trim(toggleCaFile), trim(toggleCertFile), trim(toggleKeyFile),
                seconds("toggle.deadline", toggleDeadlineSeconds), trim(toggleJwtFile), generation(toggleSchema),
                trim(toggleCompression).isEmpty() ? Compression.NONE : choice("toggle.compression", toggleCompression, Compression.class));
    }

    private static Generation generation(String schema) {
        try {
            return Generation.parse(schema);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("toggle.schema: unknown schema generation " + Shown.quoted(schema) + "; expected one of "
                    + labels(Generation.values(), Generation::label));
        }
    }

    // jwt_file is preferred: the token then stays out of the configuration store.
    private String token() {
        String file = trim(toggleJwtFile);
        if (file.isEmpty()) {
            return trim(toggleJwt);
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("toggle.jwt_file: cannot read " + file + " (" + e.getClass().getSimpleName()
                    + "); expected a readable file holding the token");
        }
    }

    private static int orProfile(String key, int value, int profileValue) {
        if (value == 0) {
            return profileValue;
        }
        if (value < 1) {
            throw new IllegalArgumentException(key + ": " + value + "; expected 1 or more (0 takes the profile's value)");
        }
        return value;
    }

    private static Duration seconds(String key, double value) {
        if (!(value > 0) || value > 86_400) {
            throw new IllegalArgumentException(key + ": " + value + "; expected seconds above 0 and at most 86400");
        }
        return Duration.ofNanos(Math.round(value * 1_000_000_000d));
    }

    private static <E extends Enum<E>> Set<E> parsed(String key, String what, String[] names, Class<E> type,
            java.util.function.Function<String, E> parse, java.util.function.Function<E, String> label) {
        EnumSet<E> result = EnumSet.noneOf(type);
        for (String name : split(names)) {
            try {
                result.add(parse.apply(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": unknown " + what + " " + Shown.quoted(name) + "; expected one of "
                        + labels(type.getEnumConstants(), label));
            }
        }
        return result;
    }

    // A list may arrive as one comma-separated string (a .cfg file, the shell).
    private static List<String> split(String[] values) {
        List<String> result = new ArrayList<>();
        for (String value : values) {
            for (String part : trim(value).split("[,\\s]+")) {
                if (!part.isEmpty()) {
                    result.add(part);
                }
            }
        }
        return result;
    }

    private static <E> String labels(E[] values, java.util.function.Function<E, String> label) {
        return java.util.Arrays.stream(values).map(label).collect(java.util.stream.Collectors.joining(", "));
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
