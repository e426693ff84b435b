package io.stratastor.rodent.events.toggle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures and Base64url coding for compact JWS (RFC 7515/7518); stateless and thread-safe. */
final class Hs256 {
    static final String ALGORITHM = "HS256";
    private static final String MAC_ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Hs256() {
    }

    /** The HMAC-SHA256 of the ASCII {@code header.payload} string under {@code secret}. */
    static byte[] sign(byte[] secret, String signingInput) {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(new SecretKeySpec(secret, MAC_ALGORITHM));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC_ALGORITHM + " is not usable in this JVM", e);
        }
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** @throws IllegalArgumentException when {@code text} is not Base64url */
    static byte[] decode(String text) {
        return DECODER.decode(text);
    }
}
