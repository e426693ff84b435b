package io.stratastor.rodent.events.eventadmin.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Field;
import com.google.protobuf.Option;
import com.google.protobuf.SourceContext;
import com.google.protobuf.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadValuesTest {

    @Test
    void nestedMessagesEnumsIntegersAndBytesBecomePlainValues() {
        Type type = Type.newBuilder().setName("T")
                .addFields(Field.newBuilder().setName("a").setNumber(7).setKind(Field.Kind.TYPE_INT32).setPacked(true))
                .addOneofs("choice")
                .setSourceContext(SourceContext.newBuilder().setFileName("t.proto"))
                .addOptions(Option.newBuilder().setName("o").setValue(Any.newBuilder().setTypeUrl("u").setValue(ByteString.copyFromUtf8("v"))))
                .build();

        Map<String, Object> values = PayloadValues.toMap(type);

        assertThat(values).containsEntry("name", "T").containsEntry("oneofs", List.of("choice"))
                .containsEntry("syntax", "SYNTAX_PROTO2").containsEntry("source_context", Map.of("file_name", "t.proto"));
        @SuppressWarnings("unchecked")
        Map<String, Object> field = ((List<Map<String, Object>>) values.get("fields")).get(0);
        assertThat(field).containsEntry("number", 7L).containsEntry("kind", "TYPE_INT32").containsEntry("packed", true)
                .containsEntry("options", List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> any = (Map<String, Object>) ((List<Map<String, Object>>) values.get("options")).get(0).get("value");
        assertThat(any.get("type_url")).isEqualTo("u");
        assertThat((byte[]) any.get("value")).containsExactly('v');
    }

    @Test
    void unsetMessageFieldIsLeftOutAndScalarsKeepTheirDefaults() {
        Map<String, Object> values = PayloadValues.toMap(Type.getDefaultInstance());

        assertThat(values).doesNotContainKey("source_context").containsEntry("name", "").containsEntry("fields", List.of())
                .containsEntry("edition", "");
    }
}
