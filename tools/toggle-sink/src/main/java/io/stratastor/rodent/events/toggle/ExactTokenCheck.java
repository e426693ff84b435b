package io.stratastor.rodent.events.toggle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/** Accepts exactly one configured token, compared in constant time; immutable and thread-safe. */
final class ExactTokenCheck implements TokenCheck {
    private final byte[] expectedDigest;

    ExactTokenCheck(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("exact token must be a non-empty string");
        }
        this.expectedDigest = sha256(token);
    }

    @Override
    public Optional<String> refusal(String token) {
        // Comparing digests keeps the comparison constant-time in the token's length as well.
        return MessageDigest.isEqual(expectedDigest, sha256(token)) ? Optional.empty() : Optional.of("token does not match");
    }

    @Override
    public String description() {
        return "exact token";
    }

    @Override
    public String toString() {
        return "ExactTokenCheck[token=set]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
