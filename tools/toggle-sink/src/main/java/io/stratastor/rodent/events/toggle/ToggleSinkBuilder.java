package io.stratastor.rodent.events.toggle;

import io.stratastor.rodent.events.upstream.WireGeneration;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Collects the settings of a {@link ToggleSink} and validates them in {@link #build()}. Exactly one
 * of {@link #hmacSecret}, {@link #exactToken} or {@link #noAuth} must be chosen. Not thread-safe:
 * one thread builds.
 */
public final class ToggleSinkBuilder {
    private String host = "127.0.0.1";
    private int port;
    private byte[] hmacSecret;
    private String exactToken;
    private boolean noAuth;
    private Path jsonFile;
    private PrintStream jsonStream;
    private Path captureFile;
    private PrintStream consoleStream;
    private boolean retainEvents = true;
    private Clock clock = Clock.systemUTC();
    private SinkSettings.Tls tls;
    private WireGeneration schema = WireGeneration.V2025_09;
    private boolean counting;
    private int intakeCap;
    private boolean intakePushback = true;

    ToggleSinkBuilder() {
    }

    /** The address to listen on; default {@code 127.0.0.1}. */
    public ToggleSinkBuilder host(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must be a host name or address, e.g. 127.0.0.1");
        }
        this.host = host;
        return this;
    }

    /** The port to listen on, 0 to 65535; default 0, an ephemeral port (read it back with {@link ToggleSink#port()}). */
    public ToggleSinkBuilder port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range; expected 0 (ephemeral) to 65535");
        }
        this.port = port;
        return this;
    }

    /** Accept HS256 JWTs signed with this secret (UTF-8 bytes). */
    public ToggleSinkBuilder hmacSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("hmacSecret must be a non-empty string");
        }
        this.hmacSecret = secret.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Accept exactly this bearer token. */
    public ToggleSinkBuilder exactToken(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("exactToken must be a non-empty string");
        }
        this.exactToken = token;
        return this;
    }

    /** Accept every call, with or without a token. */
    public ToggleSinkBuilder noAuth() {
        this.noAuth = true;
        return this;
    }

    /** Append one JSON line per unique event to this file (created if missing); replaces a JSON stream. */
    public ToggleSinkBuilder jsonOut(Path file) {
        this.jsonFile = file;
        this.jsonStream = null;
        return this;
    }

    /** Write one JSON line per unique event to this stream, which the caller keeps and closes; replaces a JSON file. */
    public ToggleSinkBuilder jsonOut(PrintStream stream) {
        this.jsonStream = stream;
        this.jsonFile = null;
        return this;
    }

    /** Append every unique event, as a length-delimited {@code Event}, to this file (created if missing). */
    public ToggleSinkBuilder capture(Path file) {
        this.captureFile = file;
        return this;
    }

    /** Print one human-readable line per unique event to this stream; a failing stream never refuses events. */
    public ToggleSinkBuilder consoleOut(PrintStream stream) {
        this.consoleStream = stream;
        return this;
    }

    /** Whether {@link ToggleSink#uniqueEvents()} keeps the events (default true); benchmarks turn it off to bound memory. */
    public ToggleSinkBuilder retainEvents(boolean retain) {
        this.retainEvents = retain;
        return this;
    }

    /**
     * Serves TLS with this PEM certificate chain and PEM (PKCS#8) private key instead of plaintext.
     */
    public ToggleSinkBuilder tls(Path certChain, Path privateKey) {
        if (certChain == null || privateKey == null) {
            throw new IllegalArgumentException("tls needs a certificate chain file and a private key file");
        }
        tls = new SinkSettings.Tls(certChain, privateKey, tls == null ? null : tls.clientCa());
        return this;
    }

    /** With {@link #tls}: requires a client certificate issued by the CA in this PEM file (mutual TLS). */
    public ToggleSinkBuilder requireClientCertificates(Path clientCa) {
        if (tls == null || clientCa == null) {
            throw new IllegalArgumentException("requireClientCertificates needs tls(..) first and a CA file");
        }
        tls = new SinkSettings.Tls(tls.certChain(), tls.privateKey(), clientCa);
        return this;
    }

    /** The wire generation every batch is decoded in; default {@link WireGeneration#V2025_09}. */
    public ToggleSinkBuilder schema(WireGeneration schema) {
        if (schema == null) {
            throw new IllegalArgumentException("schema must be 2025-09 or 2025-12, not null");
        }
        this.schema = schema;
        return this;
    }

    /**
     * The wire generation by name, {@code 2025-09} or {@code 2025-12}.
     *
     * @throws IllegalArgumentException for any other name, listing the two
     */
    public ToggleSinkBuilder schema(String schema) {
        return schema(WireGeneration.parse(schema));
    }

    /**
     * A counting sink, as a benchmark's receiver: it answers {@code success} to every well-formed batch
     * and counts its events by walking the {@code EventBatch} wire format ({@link WireWalk}: the entries
     * of field 1, the framing of every field checked) without decoding them, without deduplicating and
     * without keeping anything; a batch that is not well-formed protobuf is refused ({@code success =
     * false}) as the decoding sink refuses one that does not parse. Only {@link Counts#received()} and
     * {@link Counts#batches()} grow (wait with {@link ToggleSink#awaitReceived}). Authentication, TLS
     * and faults work as in the decoding sink; outputs cannot be combined with it.
     */
    public ToggleSinkBuilder counting() {
        this.counting = true;
        return this;
    }

    /**
     * Accepts at most {@code eventsPerSecond} events per second ({@link IntakeCap}); a batch beyond it is
     * refused whole, nothing of it kept, with {@code RESOURCE_EXHAUSTED} and {@code grpc-retry-pushback-ms}
     * saying when there is room, or with plain {@code UNAVAILABLE} when {@code pushback} is false. Default: no cap.
     */
    public ToggleSinkBuilder intakeCap(int eventsPerSecond, boolean pushback) {
        if (eventsPerSecond < 1) {
            throw new IllegalArgumentException("intakeCap must be at least 1 event per second, got " + eventsPerSecond);
        }
        this.intakeCap = eventsPerSecond;
        this.intakePushback = pushback;
        return this;
    }

    /** The clock the JWT's {@code exp} and {@code nbf} are checked against, and the intake cap counts on; default the system clock. */
    public ToggleSinkBuilder clock(Clock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null");
        }
        this.clock = clock;
        return this;
    }

    /**
     * Builds a sink that is not yet listening; call {@link ToggleSink#start()}.
     *
     * @throws IllegalStateException unless exactly one of hmacSecret, exactToken or noAuth was chosen
     */
    public ToggleSink build() {
        int choices = (hmacSecret != null ? 1 : 0) + (exactToken != null ? 1 : 0) + (noAuth ? 1 : 0);
        if (choices != 1) {
            throw new IllegalStateException("choose exactly one of hmacSecret(..), exactToken(..) or noAuth(); "
                    + (choices == 0 ? "none was chosen" : choices + " were chosen"));
        }
        if (counting && (jsonFile != null || jsonStream != null || captureFile != null || consoleStream != null)) {
            throw new IllegalStateException("a counting sink keeps no events: leave out jsonOut, capture and consoleOut, or counting()");
        }
        TokenCheck check = null;
        if (hmacSecret != null) {
            check = new Hs256TokenCheck(hmacSecret, clock);
        } else if (exactToken != null) {
            check = new ExactTokenCheck(exactToken);
        }
        return new ToggleSink(new SinkSettings(host, port, check, jsonFile, jsonStream, captureFile, consoleStream, retainEvents, tls, schema,
                counting), intakeCap == 0 ? null : new IntakeCap(intakeCap, intakePushback, clock));
    }

    @Override
    public String toString() {
        return "ToggleSinkBuilder[" + host + ":" + port + ", schema=" + schema + (counting ? ", counting" : "")
                + (intakeCap == 0 ? "" : ", intakeCap=" + intakeCap + "/s") + ", hmacSecret=" + (hmacSecret != null ? "set" : "not set")
                + ", exactToken=" + (exactToken != null ? "set" : "not set") + ", noAuth=" + noAuth + "]";
    }
}
