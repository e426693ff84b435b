package io.stratastor.rodent.events.toggle;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** Mints HS256 JWTs that a {@link ToggleSink} built with the same secret accepts; stateless and thread-safe. */
public final class JwtMinter {

    private JwtMinter() {
    }

    /**
     * Mints a token for {@code subject}, valid for {@code ttl} from now on the system clock.
     *
     * @see #mint(String, String, Duration, Clock)
     */
    public static String mint(String secret, String subject, Duration ttl) {
        return mint(secret, subject, ttl, Clock.systemUTC());
    }

    /**
     * Mints a compact JWS with header {@code {"alg":"HS256","typ":"JWT"}} and claims {@code sub},
     * {@code iat} and, unless {@code ttl} is zero, {@code exp}.
     *
     * @param secret the shared HMAC secret, non-empty
     * @param subject the {@code sub} claim, e.g. the node's name; null or empty leaves it out
     * @param ttl how long the token is valid; {@link Duration#ZERO} mints a token that never expires
     * @param clock the source of {@code iat}
     * @throws IllegalArgumentException when the secret is empty or the ttl negative
     */
    public static String mint(String secret, String subject, Duration ttl, Clock clock) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("secret must be a non-empty string");
        }
        if (ttl == null || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be zero (no expiry) or positive, was " + ttl);
        }
        JsonObject header = new JsonObject();
        header.addProperty("alg", Hs256.ALGORITHM);
        header.addProperty("typ", "JWT");
        JsonObject claims = new JsonObject();
        if (subject != null && !subject.isEmpty()) {
            claims.addProperty("sub", subject);
        }
        long now = clock.instant().getEpochSecond();
        claims.addProperty("iat", now);
        if (!ttl.isZero()) {
            claims.addProperty("exp", now + ttl.toSeconds());
        }
        String signingInput = segment(header) + "." + segment(claims);
        return signingInput + "." + Hs256.encode(Hs256.sign(secret.getBytes(StandardCharsets.UTF_8), signingInput));
    }

    private static String segment(JsonObject json) {
        return Hs256.encode(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
