package io.stratastor.rodent.events.core.impl.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.stratastor.rodent.events.core.impl.settings.SettingsBuilder;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Redactor redactor = new Redactor(new SettingsBuilder().build().redactKeys());

    private static Value text(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    @Test
    void secretLookingMetadataValuesAreRedactedOthersKept() {
        Map<String, String> shown = redactor.metadata(Map.of("user", "alice", "Admin_Password", "hunter2", "api_key", "k-1"));

        assertThat(shown).containsEntry("user", "alice").containsEntry("Admin_Password", Redactor.REDACTED)
                .containsEntry("api_key", Redactor.REDACTED);
    }

    @Test
    void metadataWithoutSecretsIsReturnedAsIs() {
        Map<String, String> metadata = Map.of("pool", "tank");

        assertThat(redactor.metadata(metadata)).isSameAs(metadata);
    }

    @Test
    void structFieldsAreRedactedAtAnyDepthAndInLists() {
        Struct nested = Struct.newBuilder().putFields("token", text("t-1")).putFields("name", text("n")).build();
        Struct payload = Struct.newBuilder()
                .putFields("password", text("hunter2"))
                .putFields("ldap", Value.newBuilder().setStructValue(nested).build())
                .putFields("binds", Value.newBuilder().setListValue(ListValue.newBuilder()
                        .addValues(Value.newBuilder().setStructValue(Struct.newBuilder().putFields("client_secret", text("s"))))).build())
                .build();

        Struct shown = (Struct) redactor.payload(payload);

        assertThat(shown.toString()).doesNotContain("hunter2").doesNotContain("t-1").doesNotContain("\"s\"");
        assertThat(shown.getFieldsOrThrow("ldap").getStructValue().getFieldsOrThrow("name").getStringValue()).isEqualTo("n");
    }

    @Test
    void typedPayloadsAreLeftAlone() {
        StoragePoolPayload payload = StoragePoolPayload.newBuilder().setPoolName("tank").build();

        assertThat(redactor.payload(payload)).isSameAs(payload);
    }

    @Test
    void fragmentsAreConfigurable() {
        assertThat(new Redactor(List.of("pin")).metadata(Map.of("pin_code", "1234", "password", "p")))
                .containsEntry("pin_code", Redactor.REDACTED).containsEntry("password", "p");
    }
}
