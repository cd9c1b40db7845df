package io.shequ.jobs.spark;

import org.apache.spark.sql.SparkSession;

/** The small local SparkSession the jobs tests share: two threads, two shuffle partitions, no UI;
 * files written owner-only as in production. */
public final class TestSpark {

    private TestSpark() {}

    public static SparkSession session() {
        return OwnerOnlyHadoopFiles.apply(SparkSession.builder()
                .appName("shequ-test")
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.session.timeZone", "Asia/Shanghai")
                .config(OwnerOnlyHadoopFiles.sparkKey(), OwnerOnlyHadoopFiles.OWNER_ONLY)
                .getOrCreate());
    }
}
