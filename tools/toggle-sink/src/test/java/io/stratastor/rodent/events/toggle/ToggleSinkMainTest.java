package io.stratastor.rodent.events.toggle;

import static io.stratastor.rodent.events.toggle.TestEvents.batch;
import static io.stratastor.rodent.events.toggle.TestEvents.resilver;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToggleSinkMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private int run(String... args) {
        return ToggleSinkMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static JsonObject claimsOf(String token) {
        return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    @Test
    void mintedTokenIsAcceptedByASinkWithTheSameSecret() throws Exception {
        assertThat(run("mint-token", "--secret", "demo-secret", "--subject", "node-1", "--ttl-seconds", "600")).isZero();
        String token = out().strip();

        try (ToggleSink sink = ToggleSink.builder().hmacSecret("demo-secret").build().start();
                SinkClient client = new SinkClient(sink.port())) {
            assertThat(client.send(batch("b1", resilver("e1", "tank")), token).getSuccess()).isTrue();
        }
        assertThat(claimsOf(token).get("sub").getAsString()).isEqualTo("node-1");
        assertThat(claimsOf(token).get("exp").getAsLong() - claimsOf(token).get("iat").getAsLong()).isEqualTo(600);
    }

    @Test
    void mintTokenReadsTheSecretFileWithoutItsTrailingNewline() throws Exception {
        Path secretFile = Files.writeString(dir.resolve("secret"), "file-secret\n");

        assertThat(run("mint-token", "--secret-file", secretFile.toString())).isZero();

        assertThat(new Hs256TokenCheck("file-secret".getBytes(StandardCharsets.UTF_8), java.time.Clock.systemUTC())
                .refusal(out().strip())).isEmpty();
    }

    @Test
    void mintTokenWithZeroTtlHasNoExpiry() {
        assertThat(run("mint-token", "--secret=s", "--ttl-seconds=0")).isZero();

        assertThat(claimsOf(out().strip()).has("exp")).isFalse();
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertThat(run("--help")).isZero();

        assertThat(out()).contains("--port-file F", "mint-token", "--no-auth", "--schema G");
        assertThat(err()).isEmpty();
    }

    @Test
    void unknownOptionPrintsOneLineNamingTheAcceptedOptionsAndExitsTwo() {
        assertThat(run("--no-auth", "--colour", "red")).isEqualTo(ToggleSinkMain.EXIT_USAGE);

        assertThat(err()).startsWith("toggle-sink: unknown option --colour; accepted: --host H")
                .contains("--no-auth", "mint-token").hasLineCount(1);
        assertThat(out()).isEmpty();
    }

    @Test
    void missingAuthenticationChoiceExitsTwo() {
        assertThat(run("--port", "0")).isEqualTo(ToggleSinkMain.EXIT_USAGE);

        assertThat(err()).contains("exactly one of --secret S, --secret-file F, --token T or --no-auth").hasLineCount(1);
    }

    @Test
    void badPortExitsTwoNamingTheRange() {
        assertThat(run("--no-auth", "--port", "http")).isEqualTo(ToggleSinkMain.EXIT_USAGE);

        assertThat(err()).contains("--port expects a whole number from 0 to 65535").hasLineCount(1);
    }

    @Test
    void usageErrorsNeverEchoSecretsOrTokens() {
        assertThat(run("--secret", "hunter2-secret", "--token", "hunter3-token")).isEqualTo(ToggleSinkMain.EXIT_USAGE);
        assertThat(run("--secret", "hunter2-secret", "hunter3-token")).isEqualTo(ToggleSinkMain.EXIT_USAGE);
        assertThat(run("mint-token", "--secret", "hunter2-secret", "--ttl-seconds", "-5")).isEqualTo(ToggleSinkMain.EXIT_USAGE);

        assertThat(err()).doesNotContain("hunter2", "hunter3").hasLineCount(3);
    }

    @Test
    void missingSecretFileExitsTwoWithoutStackTrace() {
        assertThat(run("mint-token", "--secret-file", dir.resolve("absent").toString())).isEqualTo(ToggleSinkMain.EXIT_USAGE);

        assertThat(err()).contains("cannot read --secret-file").doesNotContain("Exception:", "\tat ").hasLineCount(1);
    }

    @Test
    void unknownSchemaExitsTwoNamingTheTwoGenerations() {
        assertThat(run("--no-auth", "--schema", "2026-01")).isEqualTo(ToggleSinkMain.EXIT_USAGE);

        assertThat(err()).isEqualTo("toggle-sink: --schema expects 2025-09 or 2025-12, not '2026-01'\n");
    }

    @Test
    void schemaOptionReachesTheBuilder() throws UsageException {
        assertThat(ServeOptions.parse("--no-auth").schema()).isEqualTo(io.stratastor.rodent.events.upstream.WireGeneration.V2025_09);
        assertThat(ServeOptions.parse("--no-auth", "--schema", "2025-12").toBuilder(System.out).toString()).contains("schema=2025-12");
    }

    @Test
    void pushbackMsMakesTheFirstFailuresAskForAWait() throws UsageException {
        FaultPlan faults = new FaultPlan();
        ServeOptions.parse("--no-auth", "--fail-first", "2", "--pushback-ms", "1500").applyFaults(faults);
        assertThat(faults.toString()).contains("failNext=2 RESOURCE_EXHAUSTED pushback 1500 ms");

        FaultPlan plain = new FaultPlan();
        ServeOptions.parse("--no-auth", "--fail-first", "2").applyFaults(plain);
        assertThat(plain.toString()).contains("failNext=2 UNAVAILABLE,");

        assertThat(run("--no-auth", "--pushback-ms", "1500")).isEqualTo(ToggleSinkMain.EXIT_USAGE);
        assertThat(err()).contains("--pushback-ms goes with --fail-first N").hasLineCount(1);
    }

    @Test
    void optionMissingItsValueExitsTwo() {
        assertThat(run("--no-auth", "--port")).isEqualTo(ToggleSinkMain.EXIT_USAGE);

        assertThat(err()).contains("--port needs a value");
    }
}
