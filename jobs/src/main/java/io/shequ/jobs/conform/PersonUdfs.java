package io.shequ.jobs.conform;

import io.shequ.jobs.privacy.PersonAttributes;
import io.shequ.jobs.privacy.Pseudonymizer;
import io.shequ.schemas.code.MobileNumber;
import io.shequ.schemas.code.ResidentIdNumber;
import java.sql.Date;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;

/**
 * Spark UDFs that turn personal identifiers into what may leave staging: a keyed pseudonym of the
 * person (from the ID number when valid, else the mobile number, else the name), age band, sex.
 */
public final class PersonUdfs {

    public static final String PERSON_KEY = "shequ_person_key";
    public static final String AGE_BAND = "shequ_age_band";
    public static final String SEX = "shequ_sex";

    private PersonUdfs() {
    }

    public static void register(SparkSession spark, Pseudonymizer pseudonymizer) {
        spark.udf().register(PERSON_KEY, (UDF3<String, String, String, String>) (id, phone, name) -> {
            if (ResidentIdNumber.isValid(id)) {
                return pseudonymizer.pseudonym("id", id);
            }
            if (MobileNumber.isValid(phone)) {
                return pseudonymizer.pseudonym("phone", phone);
            }
            return pseudonymizer.pseudonym("name", name);
        }, DataTypes.StringType);
        spark.udf().register(AGE_BAND, (UDF2<String, Date, String>) (id, asOf) ->
                asOf == null ? null : PersonAttributes.ageBand(id, asOf.toLocalDate()).orElse(null), DataTypes.StringType);
        spark.udf().register(SEX, (UDF1<String, String>) id -> PersonAttributes.sex(id).orElse(null),
                DataTypes.StringType);
    }
}
