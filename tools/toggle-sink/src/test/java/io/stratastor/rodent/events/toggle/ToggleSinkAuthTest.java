package io.stratastor.rodent.events.toggle;

import static io.stratastor.rodent.events.toggle.TestEvents.batch;
import static io.stratastor.rodent.events.toggle.TestEvents.resilver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.stratastor.rodent.events.wire.v2025_09.EventBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ToggleSinkAuthTest {
    private static final String SECRET = "correct horse battery staple";
    private static final Instant NOW = Instant.parse("2026-11-27T03:10:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final EventBatch BATCH = batch("b1", resilver("e1", "tank"));

    private ToggleSink sink;
    private SinkClient client;

    @AfterEach
    void close() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        if (sink != null) {
            sink.close();
        }
    }

    private void startWithSecret() throws IOException {
        start(ToggleSink.builder().hmacSecret(SECRET).clock(CLOCK));
    }

    private void start(ToggleSinkBuilder builder) throws IOException {
        sink = builder.build().start();
        client = new SinkClient(sink.port());
    }

    private static String token(String headerJson, String claimsJson, String secret) {
        String input = segment(headerJson) + "." + segment(claimsJson);
        return input + "." + Hs256.encode(Hs256.sign(secret.getBytes(StandardCharsets.UTF_8), input));
    }

    private static String segment(String json) {
        return Hs256.encode(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends with the token and asserts UNAUTHENTICATED, a counted rejection, nothing stored, and a description free of the token. */
    private String assertRefused(String token) {
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> client.send(BATCH, token));
        assertThat(refused).as("call should be refused").isNotNull();
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        String description = refused.getStatus().getDescription();
        assertThat(description).isNotBlank().doesNotContain(token);
        for (String part : token.split("\\.")) {
            if (part.length() > 3) {
                assertThat(description).doesNotContain(part);
            }
        }
        assertThat(sink.counts().rejectedCalls()).isEqualTo(1);
        assertThat(sink.counts().batches()).isZero();
        assertThat(sink.uniqueEvents()).isEmpty();
        return description;
    }

    @Test
    void tokenSignedWithTheSecretIsAccepted() throws IOException {
        startWithSecret();

        assertThat(client.send(BATCH, JwtMinter.mint(SECRET, "node-1", Duration.ofMinutes(5), CLOCK)).getSuccess()).isTrue();
        assertThat(sink.counts().rejectedCalls()).isZero();
    }

    @Test
    void callWithoutTokenIsUnauthenticated() throws IOException {
        startWithSecret();

        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> client.send(BATCH));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(refused.getStatus().getDescription()).isEqualTo("missing bearer token");
        assertThat(sink.counts().rejectedCalls()).isEqualTo(1);
    }

    @Test
    void authorizationWithoutBearerSchemeIsUnauthenticated() throws IOException {
        startWithSecret();
        String token = JwtMinter.mint(SECRET, "node-1", Duration.ofMinutes(5), CLOCK);

        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> client.sendWithAuthorization(BATCH, "Basic " + token));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(refused.getStatus().getDescription()).startsWith("malformed authorization header").doesNotContain(token);
    }

    @Test
    void tokenSignedWithAnotherSecretIsUnauthenticated() throws IOException {
        startWithSecret();

        assertThat(assertRefused(JwtMinter.mint("another secret", "node-1", Duration.ofMinutes(5), CLOCK)))
                .isEqualTo("bad token signature");
    }

    @Test
    void tokenWithTamperedClaimsIsUnauthenticated() throws IOException {
        startWithSecret();
        String[] parts = JwtMinter.mint(SECRET, "node-1", Duration.ofMinutes(5), CLOCK).split("\\.");
        String tampered = parts[0] + "." + segment("{\"sub\":\"admin\"}") + "." + parts[2];

        assertThat(assertRefused(tampered)).isEqualTo("bad token signature");
    }

    @Test
    void unsignedAlgNoneTokenIsUnauthenticated() throws IOException {
        startWithSecret();
        String unsigned = segment("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + segment("{\"sub\":\"node-1\"}") + ".";

        assertThat(assertRefused(unsigned)).isEqualTo("token alg is not HS256");
    }

    @Test
    void tokenWithAnotherAlgIsUnauthenticatedEvenWhenHmacMatches() throws IOException {
        startWithSecret();

        assertThat(assertRefused(token("{\"alg\":\"HS512\"}", "{\"sub\":\"node-1\"}", SECRET))).isEqualTo("token alg is not HS256");
    }

    @Test
    void expiredTokenIsUnauthenticated() throws IOException {
        startWithSecret();
        String expired = JwtMinter.mint(SECRET, "node-1", Duration.ofMinutes(5), Clock.fixed(NOW.minusSeconds(301), ZoneOffset.UTC));

        assertThat(assertRefused(expired)).isEqualTo("token expired");
    }

    @Test
    void tokenExpiringThisSecondIsUnauthenticated() throws IOException {
        startWithSecret();

        assertThat(assertRefused(token("{\"alg\":\"HS256\"}", "{\"exp\":" + NOW.getEpochSecond() + "}", SECRET)))
                .isEqualTo("token expired");
    }

    @Test
    void tokenNotYetValidIsUnauthenticated() throws IOException {
        startWithSecret();

        assertThat(assertRefused(token("{\"alg\":\"HS256\"}", "{\"nbf\":" + (NOW.getEpochSecond() + 60) + "}", SECRET)))
                .isEqualTo("token not yet valid");
    }

    @Test
    void tokenWithoutExpiryIsAccepted() throws IOException {
        startWithSecret();

        assertThat(client.send(BATCH, JwtMinter.mint(SECRET, "node-1", Duration.ZERO, CLOCK)).getSuccess()).isTrue();
    }

    @Test
    void malformedTokensAreUnauthenticated() throws IOException {
        startWithSecret();

        assertThat(assertRefused("not-a-jwt-at-all")).startsWith("malformed token");
    }

    @Test
    void tokenWithNonJsonHeaderIsUnauthenticated() throws IOException {
        startWithSecret();

        assertThat(assertRefused(segment("garbage") + "." + segment("{}") + ".c2ln")).isEqualTo("malformed token header");
    }

    @Test
    void exactTokenIsAccepted() throws IOException {
        start(ToggleSink.builder().exactToken("s3cret-token-value"));

        assertThat(client.send(BATCH, "s3cret-token-value").getSuccess()).isTrue();
    }

    @Test
    void tokenDifferingFromTheExactTokenIsUnauthenticated() throws IOException {
        start(ToggleSink.builder().exactToken("s3cret-token-value"));

        assertThat(assertRefused("s3cret-token-valuf")).isEqualTo("token does not match");
    }

    @Test
    void withNoAuthCallsWithoutTokenAreAccepted() throws IOException {
        start(ToggleSink.builder().noAuth());

        assertThat(client.send(BATCH).getSuccess()).isTrue();
    }

    @Test
    void toStringNeverShowsTheSecret() {
        ToggleSinkBuilder builder = ToggleSink.builder().hmacSecret(SECRET);

        assertThat(builder.toString()).doesNotContain(SECRET).contains("hmacSecret=set");
        assertThat(builder.build().toString()).doesNotContain(SECRET).contains("HS256");
    }
}
