package io.shequ.jobs.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.weekday;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Years → {@code dim_date}: one row per day of each year, keyed by {@code date_key} = yyyymmdd (so a
 * fact's key is computed from its date alone, see {@link #dateKey}), with Chinese and English
 * labels: 2024年3月5日, 星期二, 2024年第一季度.
 */
public final class YearsToDates {

    public static final String TABLE = "dim_date";
    public static final String KEY = "date_key";

    /** The date_key of a date column: yyyymmdd as an INT, null for a null date. */
    public static Column dateKey(Column date) {
        return date_format(date.cast("date"), "yyyyMMdd").cast("int");
    }

    /** @param years rows with an int column {@code year}; duplicates and nulls are ignored */
    public Dataset<Row> apply(Dataset<Row> years) {
        Column day = col("date");
        Column weekdays = expr("array('星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日')");
        Column quarters = expr("array('第一季度', '第二季度', '第三季度', '第四季度')");
        return years.select(col("year").cast("int").as("year"))
                .filter(col("year").isNotNull())
                .distinct()
                .select(explode(expr("sequence(make_date(year, 1, 1), make_date(year, 12, 31), interval 1 day)"))
                        .as("date"))
                .select(
                        dateKey(day).as(KEY),
                        day,
                        year(day).as("year"),
                        quarter(day).as("quarter"),
                        month(day).as("month"),
                        dayofmonth(day).as("day"),
                        weekday(day).plus(lit(1)).as("day_of_week"),
                        weekday(day).geq(5).as("is_weekend"),
                        concat(year(day), lit("年"), month(day), lit("月"), dayofmonth(day), lit("日"))
                                .as("date_zh"),
                        element_at(weekdays, weekday(day).plus(lit(1))).as("weekday_zh"),
                        date_format(day, "EEEE").as("weekday_en"),
                        concat(year(day), lit("年"), month(day), lit("月")).as("month_zh"),
                        concat(year(day), lit("年"), element_at(quarters, quarter(day)))
                                .as("quarter_zh"))
                .orderBy(KEY);
    }
}
