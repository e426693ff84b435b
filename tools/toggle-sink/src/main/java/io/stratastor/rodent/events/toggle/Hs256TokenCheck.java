package io.stratastor.rodent.events.toggle;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

/**
 * Accepts compact JWS tokens signed with HS256 under one secret, checking {@code exp} and
 * {@code nbf} when present; any other {@code alg}, {@code none} included, is refused.
 * Immutable and thread-safe.
 */
final class Hs256TokenCheck implements TokenCheck {
    private final byte[] secret;
    private final Clock clock;

    Hs256TokenCheck(byte[] secret, Clock clock) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("HMAC secret must be a non-empty string");
        }
        this.secret = secret.clone();
        this.clock = clock;
    }

    @Override
    public Optional<String> refusal(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.of("malformed token (expected header.payload.signature)");
        }
        JsonObject header = jsonObject(parts[0]);
        if (header == null) {
            return Optional.of("malformed token header");
        }
        if (!isString(header.get("alg"), Hs256.ALGORITHM)) {
            return Optional.of("token alg is not HS256");
        }
        if (!signatureMatches(parts)) {
            return Optional.of("bad token signature");
        }
        JsonObject claims = jsonObject(parts[1]);
        if (claims == null) {
            return Optional.of("malformed token claims");
        }
        return timeRefusal(claims);
    }

    private boolean signatureMatches(String[] parts) {
        byte[] presented;
        try {
            presented = Hs256.decode(parts[2]);
        } catch (IllegalArgumentException notBase64url) {
            return false;
        }
        byte[] expected = Hs256.sign(secret, parts[0] + "." + parts[1]);
        return MessageDigest.isEqual(expected, presented);
    }

    private Optional<String> timeRefusal(JsonObject claims) {
        double nowSeconds = clock.millis() / 1000.0;
        JsonElement exp = claims.get("exp");
        if (exp != null) {
            if (!isNumber(exp)) {
                return Optional.of("malformed exp claim");
            }
            if (nowSeconds >= exp.getAsDouble()) {
                return Optional.of("token expired");
            }
        }
        JsonElement nbf = claims.get("nbf");
        if (nbf != null) {
            if (!isNumber(nbf)) {
                return Optional.of("malformed nbf claim");
            }
            if (nowSeconds < nbf.getAsDouble()) {
                return Optional.of("token not yet valid");
            }
        }
        return Optional.empty();
    }

    /** The Base64url-encoded JSON object, or null when the segment is not one. */
    private static JsonObject jsonObject(String segment) {
        try {
            JsonElement element = JsonParser.parseString(new String(Hs256.decode(segment), StandardCharsets.UTF_8));
            return element.isJsonObject() ? element.getAsJsonObject() : null;
        } catch (IllegalArgumentException | JsonParseException notAJsonObject) {
            return null;
        }
    }

    private static boolean isString(JsonElement element, String expected) {
        return element instanceof JsonPrimitive primitive && primitive.isString() && expected.equals(primitive.getAsString());
    }

    private static boolean isNumber(JsonElement element) {
        return element instanceof JsonPrimitive primitive && primitive.isNumber();
    }

    @Override
    public String description() {
        return "HS256 JWT";
    }

    @Override
    public String toString() {
        return "Hs256TokenCheck[secret=set]";
    }
}
