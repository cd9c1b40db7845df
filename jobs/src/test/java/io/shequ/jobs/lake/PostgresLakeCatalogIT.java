package io.shequ.jobs.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.settings.LakeCatalog;
import io.shequ.jobs.spark.SparkSessionFactory;
import io.shequ.jobs.spark.TestSpark;
import io.shequ.schemas.lake.LakeTable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lake on the production catalog: Iceberg's JDBC catalog in a real PostgreSQL, configured the
 * way {@link SparkSessionFactory} configures it. Partition overwrites replace and never duplicate,
 * a table from an older release gains new columns and partition fields, and the catalog database
 * holds the tables.
 */
class PostgresLakeCatalogIT {

    private static final StructType FACT = new StructType()
            .add("event_id", DataTypes.StringType)
            .add("report_year", DataTypes.IntegerType)
            .add("report_month", DataTypes.IntegerType)
            .add("rework_count", DataTypes.IntegerType);

    private static EmbeddedPostgres postgres;
    private static SparkSession spark;

    @TempDir
    static Path lake;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        // a session of its own: the catalog is read from this session's settings, not the shared one's
        spark = TestSpark.session().newSession();
        LakeCatalog catalog = new LakeCatalog(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        SparkSessionFactory.catalogProperties(catalog, lake).forEach(spark.conf()::set);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void partitionOverwritesReplaceAndNeverDuplicateInAPostgresCatalog() throws Exception {
        LakeWriter writer = new LakeWriter(spark);
        List<String> partitions = List.of("report_year", "report_month");
        writer.overwritePartitions("fct_events", rows(fact("E1", 2023, 1, 0), fact("E2", 2023, 2, 0)), partitions);
        // a rerun carrying February again, changed, and March new
        writer.overwritePartitions("fct_events", rows(fact("E2", 2023, 2, 1), fact("E3", 2023, 3, 0)), partitions);
        writer.overwritePartitions("fct_events", rows(fact("E2", 2023, 2, 1), fact("E3", 2023, 3, 0)), partitions);

        List<String> content =
                spark.table(LakeWriter.qualified("fct_events")).orderBy("event_id").collectAsList().stream()
                        .map(Row::toString)
                        .toList();
        assertThat(content)
                .as("January kept, February replaced, March added, nothing twice")
                .containsExactly("[E1,2023,1,0]", "[E2,2023,2,1]", "[E3,2023,3,0]");
        LakeTable described = writer.describe("fct_events");
        assertThat(described.rowCount()).isEqualTo(3);
        assertThat(described.dataFiles()).allSatisfy(file -> assertThat(file).contains(lake.toString()));
        assertThat(catalogTables()).as("the catalog lives in PostgreSQL").contains("lake.fct_events");
    }

    @Test
    void aTableFromAnOlderReleaseGainsNewColumnsAndPartitionFields() throws Exception {
        LakeWriter writer = new LakeWriter(spark);
        Dataset<Row> old = rows(fact("C1", 2022, 5, 0)).drop("report_month", "rework_count");
        writer.overwritePartitions("fct_contracts", old, List.of("report_year"));

        writer.overwritePartitions(
                "fct_contracts", rows(fact("C2", 2023, 6, 2)), List.of("report_year", "report_month"));

        var table = Spark3Util.loadIcebergTable(spark, LakeWriter.qualified("fct_contracts"));
        table.refresh();
        assertThat(table.spec().fields())
                .extracting(f -> table.schema().findColumnName(f.sourceId()))
                .containsExactly("report_year", "report_month");
        List<String> content = spark
                .table(LakeWriter.qualified("fct_contracts"))
                .orderBy("event_id")
                .selectExpr("event_id", "report_year", "report_month", "rework_count")
                .collectAsList()
                .stream()
                .map(Row::toString)
                .toList();
        assertThat(content).containsExactly("[C1,2022,null,null]", "[C2,2023,6,2]");
    }

    @Test
    void onlyPartitionsWhoseRowsChangedAreCommitted() throws Exception {
        LakeWriter writer = new LakeWriter(spark);
        List<String> partitions = List.of("report_year", "report_month");
        Dataset<Row> year = rows(fact("F1", 2023, 1, 0), fact("F2", 2023, 2, 0), fact("F3", 2023, 3, 0));
        assertThat(writer.overwritePartitions("fct_flows", year, partitions).whole())
                .as("created")
                .isTrue();
        long created = writer.describe("fct_flows").snapshotId();

        LakeWriter.Written again = writer.overwritePartitions("fct_flows", year, partitions);
        assertThat(again.committed())
                .as("the same rows again: nothing committed")
                .isFalse();
        assertThat(writer.describe("fct_flows").snapshotId())
                .as("the table keeps its snapshot")
                .isEqualTo(created);

        LakeWriter.Written february = writer.overwritePartitions(
                "fct_flows", rows(fact("F1", 2023, 1, 0), fact("F2", 2023, 2, 5), fact("F3", 2023, 3, 0)), partitions);
        assertThat(february.partitions()).as("only the changed partition").containsExactly("2023/2");
        var table = Spark3Util.loadIcebergTable(spark, LakeWriter.qualified("fct_flows"));
        table.refresh();
        assertThat(table.currentSnapshot().summary().get("changed-partition-count"))
                .isEqualTo("1");

        // rebuilt whole: a partition with no rows left must lose its old ones
        LakeWriter.Written rebuilt = writer.replacePartitioned(
                "fct_flows", rows(fact("F1", 2023, 1, 0), fact("F2", 2023, 2, 5)), partitions);
        assertThat(rebuilt.whole()).as("March vanished: the table is replaced").isTrue();
        assertThat(spark.table(LakeWriter.qualified("fct_flows")).orderBy("event_id").collectAsList().stream()
                        .map(Row::toString)
                        .toList())
                .containsExactly("[F1,2023,1,0]", "[F2,2023,2,5]");
        LakeWriter.Written dimension = writer.replace("dim_flows", rows(fact("D1", 2023, 1, 0)));
        long dimensionSnapshot = writer.describe("dim_flows").snapshotId();
        assertThat(dimension.whole()).isTrue();
        assertThat(writer.replace("dim_flows", rows(fact("D1", 2023, 1, 0))).committed())
                .isFalse();
        assertThat(writer.describe("dim_flows").snapshotId()).isEqualTo(dimensionSnapshot);
        assertThat(writer.replace("dim_flows", rows(fact("D1", 2023, 1, 1))).whole())
                .as("a changed row")
                .isTrue();
    }

    private static List<String> catalogTables() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT table_namespace, table_name FROM iceberg_tables")) {
            while (rows.next()) {
                tables.add(rows.getString(1) + "." + rows.getString(2));
            }
        }
        return tables;
    }

    private static Dataset<Row> rows(Row... rows) {
        return spark.createDataFrame(List.of(rows), FACT);
    }

    private static Row fact(String id, int year, int month, int rework) {
        return RowFactory.create(id, year, month, rework);
    }
}
