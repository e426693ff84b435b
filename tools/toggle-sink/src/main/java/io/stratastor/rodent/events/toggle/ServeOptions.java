package io.stratastor.rodent.events.toggle;

import io.grpc.Status;
import io.stratastor.rodent.events.upstream.WireGeneration;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The options of the CLI's serve command, parsed and checked; an immutable value whose
 * {@code toString} never shows a secret or token.
 */
record ServeOptions(String host, int port, SecretSource secret, String token, boolean noAuth,
        Path out, Path capture, boolean quiet, Path portFile, boolean help, int failFirst, long pushbackMillis, boolean refuse, long delayMillis,
        Path tlsCert, Path tlsKey, Path clientCa, WireGeneration schema, boolean countOnly) {

    static final int DEFAULT_PORT = 50051;
    static final String ACCEPTED = "--host H, --port N, --secret S, --secret-file F, --token T, --no-auth, "
            + "--out FILE, --capture FILE, --quiet, --port-file F, --fail-first N, --pushback-ms N, --refuse, --delay-ms N, --tls-cert F, --tls-key F, --client-ca F, --schema 2025-09|2025-12, --count-only, --help; or the subcommand mint-token";

    static ServeOptions parse(String... args) throws UsageException {
        ArgumentReader reader = new ArgumentReader(Arrays.asList(args), ACCEPTED);
        String host = "127.0.0.1";
        int port = DEFAULT_PORT;
        SecretSource secret = SecretSource.none();
        String token = null;
        boolean noAuth = false;
        Path out = null;
        Path capture = null;
        boolean quiet = false;
        Path portFile = null;
        boolean help = false;
        int failFirst = 0;
        long pushbackMillis = -1;
        boolean refuse = false;
        long delayMillis = 0;
        Path tlsCert = null;
        Path tlsKey = null;
        Path clientCa = null;
        WireGeneration schema = WireGeneration.V2025_09;
        boolean countOnly = false;
        int authChoices = 0;
        while (reader.hasNext()) {
            String option = reader.nextOption();
            switch (option) {
                case "--host" -> host = reader.value(option);
                case "--port" -> port = (int) ArgumentReader.number(option, reader.value(option), 0, 65535);
                case "--secret" -> { secret = new SecretSource(nonBlank(option, reader.value(option)), null); authChoices++; }
                case "--secret-file" -> { secret = new SecretSource(null, ArgumentReader.path(option, reader.value(option))); authChoices++; }
                case "--token" -> { token = nonBlank(option, reader.value(option)); authChoices++; }
                case "--no-auth" -> { reader.flag(option); noAuth = true; authChoices++; }
                case "--out" -> out = ArgumentReader.path(option, reader.value(option));
                case "--capture" -> capture = ArgumentReader.path(option, reader.value(option));
                case "--quiet" -> { reader.flag(option); quiet = true; }
                case "--port-file" -> portFile = ArgumentReader.path(option, reader.value(option));
                case "--fail-first" -> failFirst = (int) ArgumentReader.number(option, reader.value(option), 0, Integer.MAX_VALUE);
                case "--pushback-ms" -> pushbackMillis = ArgumentReader.number(option, reader.value(option), 0, 3_600_000);
                case "--refuse" -> { reader.flag(option); refuse = true; }
                case "--delay-ms" -> delayMillis = ArgumentReader.number(option, reader.value(option), 0, 600_000);
                case "--tls-cert" -> tlsCert = ArgumentReader.path(option, reader.value(option));
                case "--tls-key" -> tlsKey = ArgumentReader.path(option, reader.value(option));
                case "--client-ca" -> clientCa = ArgumentReader.path(option, reader.value(option));
                case "--schema" -> schema = schema(option, reader.value(option));
                case "--count-only" -> { reader.flag(option); countOnly = true; }
                case "--help", "-h" -> help = true;
                default -> throw reader.unknown(option);
            }
        }
        if (!help && authChoices != 1) {
            throw new UsageException("give exactly one of --secret S, --secret-file F, --token T or --no-auth"
                    + (authChoices == 0 ? "" : " (" + authChoices + " were given)"));
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new UsageException("--tls-cert and --tls-key go together: give both PEM files, or neither for plaintext");
        }
        if (clientCa != null && tlsCert == null) {
            throw new UsageException("--client-ca needs --tls-cert and --tls-key");
        }
        if (countOnly && (out != null || capture != null)) {
            throw new UsageException("--count-only keeps no events: leave out --out and --capture");
        }
        if (pushbackMillis >= 0 && failFirst == 0) {
            throw new UsageException("--pushback-ms goes with --fail-first N: the calls that fail ask for the wait");
        }
        if (host.isBlank()) {
            throw new UsageException("--host expects a host name or address, e.g. 127.0.0.1 or 0.0.0.0");
        }
        return new ServeOptions(host, port, secret, token, noAuth, out, capture, quiet, portFile, help, failFirst, pushbackMillis, refuse, delayMillis,
                tlsCert, tlsKey, clientCa, schema, countOnly);
    }

    /** Sets the faults of the command line on {@code faults}: the failing first calls (with a pushback or without), refusal, delay. */
    void applyFaults(FaultPlan faults) {
        if (pushbackMillis >= 0) {
            faults.pushback(Status.Code.RESOURCE_EXHAUSTED, pushbackMillis, failFirst);
        } else {
            faults.failNext(failFirst);
        }
        faults.refuse(refuse).delay(Duration.ofMillis(delayMillis));
    }

    private static WireGeneration schema(String option, String value) throws UsageException {
        try {
            return WireGeneration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " expects 2025-09 or 2025-12, not '" + value + "'");
        }
    }

    /** A builder for the sink these options describe; {@code console} gets one line per event unless quiet. */
    ToggleSinkBuilder toBuilder(PrintStream console) throws UsageException {
        ToggleSinkBuilder builder = ToggleSink.builder().host(host).port(port).schema(schema);
        if (secret.isSet()) {
            builder.hmacSecret(secret.read());
        } else if (token != null) {
            builder.exactToken(token);
        } else {
            builder.noAuth();
        }
        if (out != null) {
            builder.jsonOut(out);
        }
        if (capture != null) {
            builder.capture(capture);
        }
        if (countOnly) {
            builder.counting();
        } else if (!quiet) {
            builder.consoleOut(console);
        }
        if (tlsCert != null) {
            builder.tls(tlsCert, tlsKey);
            if (clientCa != null) {
                builder.requireClientCertificates(clientCa);
            }
        }
        return builder;
    }

    String authDescription() {
        return secret.isSet() ? "HS256 JWT" : token != null ? "exact token" : "none";
    }

    static String nonBlank(String option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(option + " expects a non-blank value");
        }
        return value;
    }

    @Override
    public String toString() {
        return "ServeOptions[" + host + ":" + port + ", schema=" + schema + (countOnly ? ", count-only" : "") + ", auth=" + authDescription() + ", out=" + out + ", capture=" + capture
                + ", quiet=" + quiet + ", portFile=" + portFile + ", failFirst=" + failFirst + ", pushbackMillis=" + pushbackMillis + ", refuse=" + refuse
                + ", delayMillis=" + delayMillis + "]";
    }
}
