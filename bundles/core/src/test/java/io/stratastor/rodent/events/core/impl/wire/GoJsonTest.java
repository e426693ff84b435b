package io.stratastor.rodent.events.core.impl.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.stratastor.rodent.events.proto.events.ServiceStatusPayload;
import io.stratastor.rodent.events.proto.events.SharingSharePayload;
import io.stratastor.rodent.events.proto.events.StorageDiskPayload;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import io.stratastor.rodent.events.proto.events.UsageQuotaPayload;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expected texts are what Go's encoding/json writes for the same values of the generated structs. */
class GoJsonTest {

    @Test
    void protoNamesInDeclarationOrderZeroValuesLeftOut() {
        StoragePoolPayload pool = StoragePoolPayload.newBuilder().setPoolName("tank").setTotalSize(1L << 40).addVdevs("sda").addVdevs("sdb")
                .build();

        assertThat(GoJson.text(pool)).isEqualTo("{\"pool_name\":\"tank\",\"total_size\":1099511627776,\"vdevs\":[\"sda\",\"sdb\"]}");
        assertThat(GoJson.text(StoragePoolPayload.getDefaultInstance())).isEqualTo("{}");
    }

    @Test
    void mapKeysSortedBoolsAndInt32s() {
        SharingSharePayload share = SharingSharePayload.newBuilder().setShareName("s").setEnabled(true).putProperties("z", "1")
                .putProperties("a", "2").setMaxConnections(-3).build();

        assertThat(GoJson.text(share)).isEqualTo("{\"share_name\":\"s\",\"enabled\":true,\"properties\":{\"a\":\"2\",\"z\":\"1\"},\"max_connections\":-3}");
    }

    @Test
    void stringsAreEscapedAsGoDoes() {
        StoragePoolPayload pool = StoragePoolPayload.newBuilder().setPoolName("<a&b> \"q\" \\ \u2028 é \ud83d\ude00 \ud800").build();

        assertThat(GoJson.text(pool)).isEqualTo("{\"pool_name\":\"\\u003ca\\u0026b\\u003e \\\"q\\\" \\\\ \\u2028 é \ud83d\ude00 \ufffd\"}");
    }

    @Test
    void unsigned64IsWrittenUnsigned() {
        StorageDiskPayload disk = StorageDiskPayload.newBuilder().setPowerOnHours(-1L).build();

        assertThat(GoJson.text(disk)).isEqualTo("{\"power_on_hours\":18446744073709551615}");
    }

    @ParameterizedTest
    @CsvSource({"0.1,0.1", "100,100", "-0.5,-0.5", "123456789,123456789", "0.000001,0.000001", "1.5E-7,1.5e-7", "1E-7,1e-7",
        "1E21,1e+21", "1.25E22,1.25e+22", "1E-10,1e-10", "999999999999999900000,999999999999999900000", "2.5E-5,0.000025"})
    void doublesAsGoFormatsThem(double value, String expected) {
        assertThat(GoJson.number(GoJson.shortest(value), value)).isEqualTo(expected);
        assertThat(GoJson.text(ServiceStatusPayload.newBuilder().setCpuUsagePercent(value).build()))
                .isEqualTo("{\"cpu_usage_percent\":" + expected + "}");
    }

    @Test
    void float32TakesItsOwnShortestForm() {
        assertThat(GoJson.text(UsageQuotaPayload.newBuilder().setUsagePercentage(0.1f).build())).isEqualTo("{\"usage_percentage\":0.1}");
    }

    @Test
    void nanHasNoJsonForm() {
        assertThatThrownBy(() -> GoJson.number(BigDecimal.ZERO, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStructIsTheMapItHoldsKeysSorted() {
        Struct map = Struct.newBuilder()
                .putFields("size", Value.newBuilder().setNumberValue(5).build())
                .putFields("ratio", Value.newBuilder().setNumberValue(0.25).build())
                .putFields("name", Value.newBuilder().setStringValue("tank").build())
                .putFields("ok", Value.newBuilder().setBoolValue(false).build())
                .putFields("none", Value.newBuilder().setNullValueValue(0).build())
                .putFields("list", Value.newBuilder().setListValue(ListValue.newBuilder()
                        .addValues(Value.newBuilder().setStringValue("a")).addValues(Value.newBuilder().setNumberValue(1))).build())
                .build();

        assertThat(GoJson.text(map))
                .isEqualTo("{\"list\":[\"a\",1],\"name\":\"tank\",\"none\":null,\"ok\":false,\"ratio\":0.25,\"size\":5}");
    }
}
