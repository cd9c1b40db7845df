package io.shequ.jobs.stage.grid;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.shequ.schemas.code.MobileNumber;
import io.shequ.schemas.code.ResidentIdNumber;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Staged events → the same events with a reporter ID number failing its GB 11643 check, or a
 * phone that is not a mainland mobile number, set to null, and a {@code null_notes} column naming
 * each nulled column and why (null when nothing was nulled).
 *
 * <p>The event itself is kept: quarantining it for a mistyped identifier would drop it from the
 * close-rate and every other indicator. The person key then falls back to the other identifiers.
 */
public final class ReporterIdentifiersToNullNotes {

    public static final String NULL_NOTES = "null_notes";

    private static final UserDefinedFunction VALID_ID =
            udf((UDF1<String, Boolean>) ResidentIdNumber::isValid, DataTypes.BooleanType);
    private static final UserDefinedFunction VALID_PHONE =
            udf((UDF1<String, Boolean>) MobileNumber::isValid, DataTypes.BooleanType);

    public Dataset<Row> apply(Dataset<Row> events) {
        Column badId = given("reporter_id_no")
                .and(VALID_ID.apply(col("reporter_id_no")).equalTo(false));
        Column badPhone = given("reporter_phone")
                .and(VALID_PHONE.apply(col("reporter_phone")).equalTo(false));
        Column notes = concat_ws(
                "; ",
                when(
                        badId,
                        lit("reporter_id_no: not a valid resident ID number (length, birth date or check character)")),
                when(badPhone, lit("reporter_phone: not an 11-digit mainland mobile number")));
        return events.withColumn(NULL_NOTES, when(length(notes).gt(0), notes))
                .withColumn(
                        "reporter_id_no", when(badId, lit(null).cast("string")).otherwise(col("reporter_id_no")))
                .withColumn(
                        "reporter_phone",
                        when(badPhone, lit(null).cast("string")).otherwise(col("reporter_phone")));
    }

    /** An empty identifier is simply absent, not malformed. */
    private static Column given(String column) {
        return col(column).isNotNull().and(length(trim(col(column))).gt(0));
    }
}
