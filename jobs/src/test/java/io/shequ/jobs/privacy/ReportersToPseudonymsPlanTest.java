package io.shequ.jobs.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.spark.TestSpark;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.CodegenMode$;
import org.apache.spark.sql.execution.ExtendedMode$;
import org.apache.spark.sql.execution.FormattedMode$;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The pseudonymization key reaches the executors inside the serialized UDF, never as a literal of
 * the query: no form of it (as configured, hex, base64) is in any plan Spark prints or logs.
 */
class ReportersToPseudonymsPlanTest {

    private static final String KEY = "4f1c9e7a2b6d8e0f13579bdf2468ace04f1c9e7a2b6d8e0f13579bdf2468ace0";

    @Test
    void theKeyIsInNoPlanStringButThePseudonymsAreComputed() {
        SparkSession spark = TestSpark.session();
        byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
        StructType schema = new StructType()
                .add("event_id", DataTypes.StringType)
                .add("reported_at", DataTypes.TimestampType)
                .add(ReportersToPseudonyms.NAME, DataTypes.StringType)
                .add(ReportersToPseudonyms.PHONE, DataTypes.StringType)
                .add(ReportersToPseudonyms.ID_NUMBER, DataTypes.StringType);
        Dataset<Row> events = spark.createDataFrame(
                        List.of(RowFactory.create(
                                "E1",
                                Timestamp.valueOf("2023-05-01 09:00:00"),
                                "张三",
                                "13800138000",
                                "11010519491231002X")),
                        schema)
                // a shuffle, as a real source has: on a bare local relation the optimizer runs the UDFs in the driver
                .repartition(1);

        Dataset<Row> pseudonymized = new ReportersToPseudonyms(new Pseudonymizer(key)).apply(events);

        assertThat(pseudonymized.first().<String>getAs(ReportersToPseudonyms.KEY))
                .as("the keyed pseudonym, computed in a task")
                .isEqualTo(new Pseudonymizer(key).pseudonym("id", "11010519491231002X"));
        List<String> plans = List.of(
                pseudonymized.queryExecution().toString(),
                pseudonymized.queryExecution().explainString(ExtendedMode$.MODULE$),
                pseudonymized.queryExecution().explainString(FormattedMode$.MODULE$),
                pseudonymized.queryExecution().explainString(CodegenMode$.MODULE$));
        List<String> forms = List.of(
                KEY, HexFormat.of().formatHex(key), Base64.getEncoder().encodeToString(key), KEY.substring(0, 16));
        assertThat(plans.get(0))
                .as("the plans hold the pseudonymizing UDF itself")
                .contains("UDF");
        for (String plan : plans) {
            for (String form : forms) {
                assertThat(plan).as("the key in a plan").doesNotContain(form);
            }
        }
    }
}
