package io.stratastor.rodent.events.core.impl.settings;

import io.stratastor.rodent.events.core.impl.wire.Generation;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach Toggle. Immutable; {@link #toString()} never shows the token.
 *
 * @param address host:port, or empty when no Toggle is configured
 * @param token the bearer JWT, or empty when none is set
 * @param caFile PEM CAs trusted for Toggle's certificate, or empty for the JVM's
 * @param certFile PEM client certificate chain for mutual TLS, or empty
 * @param keyFile PEM (PKCS#8) private key of {@code certFile}, or empty
 * @param tokenFile the file the token was read from, read again when it changes; empty when the token is inline
 * @param schema the schema generation Toggle reads; batches are encoded in it when they are sent
 * @param compression how batches are compressed on the wire; part of the channel, like the endpoint
 */
public record ToggleSettings(String address, String token, boolean tls, String caFile, String certFile, String keyFile,
        Duration deadline, String tokenFile, Generation schema, Compression compression) {

    public ToggleSettings {
        Objects.requireNonNull(address);
        Objects.requireNonNull(token);
        Objects.requireNonNull(caFile);
        Objects.requireNonNull(certFile);
        Objects.requireNonNull(keyFile);
        Objects.requireNonNull(deadline);
        Objects.requireNonNull(tokenFile);
        Objects.requireNonNull(schema);
        Objects.requireNonNull(compression);
    }

    public ToggleSettings(String address, String token, boolean tls, String caFile, String certFile, String keyFile,
            Duration deadline, String tokenFile, Generation schema) {
        this(address, token, tls, caFile, certFile, keyFile, deadline, tokenFile, schema, Compression.NONE);
    }

    public ToggleSettings(String address, String token, boolean tls, String caFile, String certFile, String keyFile,
            Duration deadline, String tokenFile) {
        this(address, token, tls, caFile, certFile, keyFile, deadline, tokenFile, Generation.V2025_09);
    }

    public ToggleSettings(String address, String token, boolean tls, String caFile, String certFile, String keyFile,
            Duration deadline) {
        this(address, token, tls, caFile, certFile, keyFile, deadline, "");
    }

    public boolean configured() {
        return !address.isEmpty();
    }

    public boolean hasToken() {
        return !token.isEmpty();
    }

    /** Whether reaching Toggle needs a new channel: the address, TLS and its files, and the compression are part of it. */
    public boolean sameEndpoint(ToggleSettings other) {
        return other != null && address.equals(other.address) && tls == other.tls && caFile.equals(other.caFile)
                && certFile.equals(other.certFile) && keyFile.equals(other.keyFile) && compression == other.compression;
    }

    @Override
    public String toString() {
        return "ToggleSettings[address=" + (configured() ? address : "(none)") + ", token=" + (hasToken() ? "set" : "not set")
                + ", tls=" + tls + ", caFile=" + caFile + ", certFile=" + certFile + ", deadline=" + deadline + ", schema=" + schema.label()
                + ", compression=" + compression.label() + "]";
    }
}
