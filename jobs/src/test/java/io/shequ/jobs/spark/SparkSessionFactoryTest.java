package io.shequ.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.settings.LakeCatalog;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.jobs.settings.SourceSettings;
import io.shequ.jobs.settings.SparkSettings;
import io.shequ.schemas.division.DivisionCode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the session is built with: a cluster's settings pass through as configured. */
class SparkSessionFactoryTest {

    @TempDir
    Path home;

    @Test
    void clusterSettingsPassThroughUnchangedAndWinOverTheDefaults() {
        Map<String, String> cluster = new LinkedHashMap<>();
        cluster.put("spark.executor.memory", "6g");
        cluster.put("spark.executor.cores", "3");
        cluster.put("spark.executor.instances", "12");
        cluster.put("spark.executor.extraClassPath", "/opt/shequ/shequ.jar");
        cluster.put("spark.jars", "/opt/jdbc/postgresql-42.7.14.jar,/opt/hadoop/hadoop-aws-3.3.4.jar");
        cluster.put("spark.hadoop.fs.s3a.endpoint", "https://s3.internal");
        cluster.put("spark.kubernetes.container.image", "registry.internal/shequ:1");
        cluster.put("spark.sql.adaptive.enabled", "false");
        cluster.put("spark.driver.host", "10.0.0.5");

        Map<String, String> built =
                SparkSessionFactory.settings(settings("spark://spark-master.internal:7077", cluster));

        assertThat(built)
                .as("the master as configured")
                .containsEntry("spark.master", "spark://spark-master.internal:7077");
        assertThat(built).as("every configured spark.* setting, unchanged").containsAllEntriesOf(cluster);
        assertThat(built)
                .as("on a cluster the addresses and scratch folders are the user's")
                .doesNotContainKeys("spark.driver.bindAddress", "spark.local.dir");
        assertThat(built)
                .as("the lake's catalog from lake.catalog-url")
                .containsEntry("spark.sql.catalog.shequ.uri", "jdbc:postgresql://db.internal/shequ_lake")
                .containsEntry(
                        "spark.sql.catalog.shequ.warehouse",
                        home.resolve("lake").toString());
    }

    @Test
    void executorsStartedOnThisMachineListenOnLoopbackAndRunTheDriversClassPath() {
        Map<String, String> built = SparkSessionFactory.settings(settings("local-cluster[2,1,1024]", Map.of()));

        assertThat(built)
                .containsEntry("spark.driver.bindAddress", "127.0.0.1")
                .containsEntry("spark.driver.host", "127.0.0.1")
                .containsEntry("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .containsKey("spark.local.dir");
        assertThat(SparkSessionFactory.settings(settings(
                        "local-cluster[2,1,1024]", Map.of("spark.executor.extraClassPath", "/opt/shequ/shequ.jar"))))
                .as("a configured class path wins")
                .containsEntry("spark.executor.extraClassPath", "/opt/shequ/shequ.jar");
        assertThat(SparkSessionFactory.settings(settings("local[*]", Map.of())))
                .as("local[*] needs no executor class path")
                .doesNotContainKey("spark.executor.extraClassPath");
    }

    private PipelineSettings settings(String master, Map<String, String> conf) {
        return new PipelineSettings(
                home,
                List.of(DivisionCode.parse("370103")),
                new SourceSettings(null, null, null, false),
                new SparkSettings(master, 4, conf),
                new byte[32],
                null,
                new LakeCatalog("jdbc:postgresql://db.internal/shequ_lake", "shequ", "pw"),
                null);
    }
}
