package io.stratastor.rodent.events.toggle;

/**
 * An event's payload as the sink shows it: absent, decoded to JSON, or undecodable (then its
 * Base64 bytes and the reason). An immutable value.
 *
 * @param json the payload as compact JSON, or null when absent or undecodable
 * @param base64 the raw payload bytes in standard Base64 when undecodable, else null
 * @param error why the payload could not be decoded, else null
 */
record DecodedPayload(String json, String base64, String error) {
    private static final DecodedPayload NONE = new DecodedPayload(null, null, null);

    static DecodedPayload none() {
        return NONE;
    }

    static DecodedPayload decoded(String json) {
        return new DecodedPayload(json, null, null);
    }

    static DecodedPayload undecodable(String base64, String error) {
        return new DecodedPayload(null, base64, error);
    }

    boolean isAbsent() {
        return json == null && error == null;
    }

    boolean isDecoded() {
        return json != null;
    }
}
