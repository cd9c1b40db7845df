package io.shequ.jobs.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.udf;

import io.shequ.schemas.code.MobileNumber;
import io.shequ.schemas.code.ResidentIdNumber;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Grid events with the reporter in clear (name, phone, ID number) → the same events with only
 * what may be kept: a keyed pseudonym of the person (from the ID number when valid, else the
 * mobile number, else the name), the age band on the day the event was reported, and the sex.
 * The clear columns are dropped. Applied before anything is written to the grid mirror, which is
 * kept for good; events already without clear columns are returned as they are.
 */
public final class ReportersToPseudonyms {

    public static final String NAME = "reporter_name";
    public static final String PHONE = "reporter_phone";
    public static final String ID_NUMBER = "reporter_id_no";
    /** The columns that identify a reporter in clear; never in the mirror, the lake or the warehouse. */
    public static final List<String> CLEAR = List.of(NAME, PHONE, ID_NUMBER);

    public static final String KEY = "reporter_key";
    public static final String AGE_BAND = "reporter_age_band";
    public static final String SEX = "reporter_sex";

    private final Pseudonymizer pseudonymizer;

    public ReportersToPseudonyms(Pseudonymizer pseudonymizer) {
        this.pseudonymizer = pseudonymizer;
    }

    /** True when rows of this schema hold any clear reporter column. */
    public static boolean holdsClearIdentifiers(StructType schema) {
        return Arrays.stream(schema.fieldNames()).anyMatch(CLEAR::contains);
    }

    public Dataset<Row> apply(Dataset<Row> events) {
        if (!holdsClearIdentifiers(events.schema())) {
            return events;
        }
        Dataset<Row> complete = events;
        for (String column : CLEAR) {
            if (!Arrays.asList(events.columns()).contains(column)) {
                complete = complete.withColumn(column, lit(null).cast("string"));
            }
        }
        // a local, so the UDFs capture the serializable pseudonymizer and not this transform
        Pseudonymizer keyed = pseudonymizer;
        UserDefinedFunction person = udf(
                (UDF3<String, String, String, String>) (id, phone, name) -> {
                    if (ResidentIdNumber.isValid(id)) {
                        return keyed.pseudonym("id", id);
                    }
                    if (MobileNumber.isValid(phone)) {
                        return keyed.pseudonym("phone", phone);
                    }
                    return keyed.pseudonym("name", name);
                },
                DataTypes.StringType);
        UserDefinedFunction ageBand = udf(
                (UDF2<String, Date, String>) (id, asOf) -> asOf == null
                        ? null
                        : PersonAttributes.ageBand(id, asOf.toLocalDate()).orElse(null),
                DataTypes.StringType);
        UserDefinedFunction sex =
                udf((UDF1<String, String>) id -> PersonAttributes.sex(id).orElse(null), DataTypes.StringType);
        return complete.withColumn(KEY, person.apply(col(ID_NUMBER), col(PHONE), col(NAME)))
                .withColumn(AGE_BAND, ageBand.apply(col(ID_NUMBER), to_date(col("reported_at"))))
                .withColumn(SEX, sex.apply(col(ID_NUMBER)))
                .drop(CLEAR.toArray(String[]::new));
    }
}
