package io.stratastor.rodent.events.toggle;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.ByteString;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Writes a decoded payload (plain Java values) as JSON under its proto field names; stateless. */
final class PayloadJson {
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private PayloadJson() {
    }

    static JsonElement of(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            map.forEach((key, item) -> object.add(String.valueOf(key), of(item)));
            return object;
        }
        if (value instanceof List<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(item -> array.add(of(item)));
            return array;
        }
        if (value instanceof ByteString bytes) {
            return new JsonPrimitive(Base64.getEncoder().encodeToString(bytes.toByteArray()));
        }
        if (value instanceof Number number) {
            return new JsonPrimitive(number);
        }
        if (value instanceof Boolean flag) {
            return new JsonPrimitive(flag);
        }
        return new JsonPrimitive(value.toString());
    }

    /** Compact JSON text of a payload. */
    static String text(Map<String, Object> payload) {
        return GSON.toJson(of(payload));
    }
}
