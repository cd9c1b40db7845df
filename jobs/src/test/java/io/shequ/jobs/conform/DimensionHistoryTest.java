package io.shequ.jobs.conform;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.dimension.SurrogateKeys;
import io.shequ.jobs.dimension.VersionInForce;
import io.shequ.jobs.spark.TestSpark;
import io.shequ.schemas.code.CreditCode;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.NbsDivisions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Type-2 history of the dimensions, each run's dimension written to and read back from a real
 * Iceberg catalog: renamed communities and re-parented grids get versions, facts keep the versions
 * in force when they happened, inferred grids are completed in place, reruns change nothing.
 */
class DimensionHistoryTest {

    private static final List<DivisionCode> JINAN = List.of(DivisionCode.parse("370100000000"));
    private static final StructType GRIDS = new StructType()
            .add("grid_code", DataTypes.StringType)
            .add("grid_name", DataTypes.StringType)
            .add("grid_level", DataTypes.IntegerType)
            .add("parent_code", DataTypes.StringType)
            .add("community_code", DataTypes.StringType)
            .add("created_at", DataTypes.TimestampNTZType)
            .add("retired_at", DataTypes.TimestampNTZType)
            .add("updated_at", DataTypes.TimestampNTZType);
    private static final StructType EVENTS = new StructType()
            .add("event_id", DataTypes.LongType)
            .add("grid_code", DataTypes.StringType)
            .add("reported_at", DataTypes.TimestampNTZType);

    @TempDir
    static Path lake;

    @TempDir
    Path releases;

    private static SparkSession spark;
    private static String catalog;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
        catalog = "dims_" + UUID.randomUUID().toString().substring(0, 8);
        spark.conf().set("spark.sql.catalog." + catalog, "org.apache.iceberg.spark.SparkCatalog");
        spark.conf().set("spark.sql.catalog." + catalog + ".type", "hadoop");
        spark.conf().set("spark.sql.catalog." + catalog + ".warehouse", lake.toString());
    }

    /** Writes a run's dimension into the Iceberg lake and returns what the lake now holds. */
    private static Dataset<Row> commit(String table, Dataset<Row> rows) {
        String name = catalog + ".lake." + table;
        rows.writeTo(name).tableProperty("format-version", "2").createOrReplace();
        return spark.table(name);
    }

    @Test
    void renamedCommunityGetsANewVersionAndOlderFactsKeepTheVersionInForce() throws IOException {
        Path r2023 = release(
                "r2023",
                Map.of("370103002001", "纬一路社区居民委员会", "370103002003", "睦和苑社区居民委员会", "370103003001", "杆石桥社区居民委员会"));
        Path r2024 = release(
                "r2024",
                Map.of("370103002001", "纬一路新区社区居民委员会", "370103002005", "民生社区居民委员会", "370103003001", "杆石桥社区居民委员会"));
        DivisionsToDimension divisions = new DivisionsToDimension(spark);
        Dataset<Row> first = commit(
                "dim_division_rename",
                divisions.apply(NbsDivisions.fromFolder(r2023, JINAN), JINAN, null, LocalDate.of(2023, 6, 30)));
        LocalDate released = LocalDate.of(2024, 6, 30);
        Dataset<Row> second = commit(
                "dim_division_rename", divisions.apply(NbsDivisions.fromFolder(r2024, JINAN), JINAN, first, released));

        List<Row> renamed = versions(second, "370103002001");
        assertThat(renamed).as("the renamed community has two versions").hasSize(2);
        assertThat(renamed.get(0).<String>getAs("division_name")).isEqualTo("纬一路社区居民委员会");
        assertThat(renamed.get(0).<Date>getAs("valid_from"))
                .as("the first release is open at the start")
                .isNull();
        assertThat(renamed.get(0).<Date>getAs("valid_to")).isEqualTo(Date.valueOf(released));
        assertThat(renamed.get(0).<Boolean>getAs("is_current")).isFalse();
        assertThat(renamed.get(1).<String>getAs("division_name")).isEqualTo("纬一路新区社区居民委员会");
        assertThat(renamed.get(1).<Date>getAs("valid_from")).isEqualTo(Date.valueOf(released));
        assertThat(renamed.get(1).<Boolean>getAs("is_current")).isTrue();
        assertThat(renamed.get(1).<String>getAs("kind")).isEqualTo("residents_committee");
        assertThat(renamed.get(1).<String>getAs("parent_name")).isEqualTo("大观园街道");
        assertThat(renamed.get(0).<Long>getAs("division_key"))
                .as("the first version keeps its key")
                .isEqualTo(keyOf(first, "370103002001"));

        List<Row> dropped = versions(second, "370103002003");
        assertThat(dropped).hasSize(1);
        assertThat(dropped.get(0).<Date>getAs("valid_to"))
                .as("a unit the new release lacks is closed on its date")
                .isEqualTo(Date.valueOf(released));
        List<Row> added = versions(second, "370103002005");
        assertThat(added.get(0).<Date>getAs("valid_from"))
                .as("a unit new in a release starts on its date")
                .isEqualTo(Date.valueOf(released));
        assertThat(versions(second, "370103003001"))
                .as("an unchanged unit keeps its one row")
                .hasSize(1)
                .first()
                .satisfies(r -> assertThat(r.<Long>getAs("division_key")).isEqualTo(keyOf(first, "370103003001")));
        assertThat(versions(second, "370103000000").get(0).<String>getAs("level"))
                .isEqualTo("district");

        StructType reportSchema =
                new StructType().add("community_code", DataTypes.StringType).add("period_end", DataTypes.DateType);
        Dataset<Row> reports = spark.createDataFrame(
                List.of(
                        RowFactory.create("370103002001", Date.valueOf("2023-12-31")),
                        RowFactory.create("370103002001", Date.valueOf("2024-06-29")),
                        RowFactory.create("370103002001", Date.valueOf("2024-06-30")),
                        RowFactory.create("370103002001", Date.valueOf("2024-12-31"))),
                reportSchema);
        Map<Date, Long> keyByPeriod = new CommunityReportKeys(second)
                .apply(reports).collectAsList().stream()
                        .collect(Collectors.toMap(r -> r.getAs("period_end"), r -> r.getAs("division_key")));
        long oldKey = renamed.get(0).getAs("division_key");
        long newKey = renamed.get(1).getAs("division_key");
        assertThat(oldKey).isNotEqualTo(newKey);
        assertThat(keyByPeriod)
                .as("reports before the release point at the old name, from its date at the new one")
                .containsEntry(Date.valueOf("2023-12-31"), oldKey)
                .containsEntry(Date.valueOf("2024-06-29"), oldKey)
                .containsEntry(Date.valueOf("2024-06-30"), newKey)
                .containsEntry(Date.valueOf("2024-12-31"), newKey);
    }

    @Test
    void reparentedGridGetsANewVersionAndEventsKeepTheVersionInForce() {
        LocalDateTime created = LocalDateTime.of(2023, 1, 5, 9, 0);
        LocalDateTime moved = LocalDateTime.of(2024, 3, 1, 8, 0);
        GridsToDimension builder = new GridsToDimension();
        Dataset<Row> run1 = commit(
                "dim_grid_reparent",
                builder.apply(
                        grids(
                                grid("G-11", "第一网格", "G-1", "370103002001", created, created),
                                grid("G-1", "纬一路社区网格", null, "370103002001", created, created)),
                        events(),
                        null));
        Dataset<Row> run2 = commit(
                "dim_grid_reparent",
                builder.apply(
                        grids(
                                grid("G-11", "第一网格", "G-2", "370103002003", created, moved),
                                grid("G-1", "纬一路社区网格", null, "370103002001", created, created)),
                        events(),
                        run1));

        List<Row> g11 = versions(run2, "grid_code", "G-11");
        assertThat(g11).as("the re-parented grid has two versions").hasSize(2);
        assertThat(g11.get(0).<LocalDateTime>getAs("valid_from")).isEqualTo(created);
        assertThat(g11.get(0).<LocalDateTime>getAs("valid_to")).isEqualTo(moved);
        assertThat(g11.get(0).<String>getAs("parent_grid_code")).isEqualTo("G-1");
        assertThat(g11.get(1).<LocalDateTime>getAs("valid_from")).isEqualTo(moved);
        assertThat(g11.get(1).<String>getAs("parent_grid_code")).isEqualTo("G-2");
        assertThat(g11.get(1).<String>getAs("community_code")).isEqualTo("370103002003");
        assertThat(versions(run2, "grid_code", "G-1"))
                .as("an unchanged grid keeps its one row")
                .hasSize(1);

        Dataset<Row> facts = events(
                event(1, "G-11", LocalDateTime.of(2023, 12, 1, 10, 0)),
                event(2, "G-11", LocalDateTime.of(2024, 3, 2, 10, 0)),
                event(3, "G-11", LocalDateTime.of(2022, 12, 1, 10, 0)),
                event(4, "G-404", LocalDateTime.of(2024, 3, 2, 10, 0)));
        Map<Long, Long> keyByEvent = new VersionInForce(run2, "grid_code", "grid_key")
                .attach(facts, facts.col("grid_code"), facts.col("reported_at"), "grid_key").collectAsList().stream()
                        .collect(HashMap::new, (m, r) -> m.put(r.getAs("event_id"), r.getAs("grid_key")), Map::putAll);
        assertThat(keyByEvent.get(1L))
                .as("an event before the move keeps the old version")
                .isEqualTo(g11.get(0).<Long>getAs("grid_key"));
        assertThat(keyByEvent.get(2L))
                .as("an event after the move takes the new one")
                .isEqualTo(g11.get(1).<Long>getAs("grid_key"));
        assertThat(keyByEvent.get(3L))
                .as("an event before the grid's creation takes its first version")
                .isEqualTo(g11.get(0).<Long>getAs("grid_key"));
        assertThat(keyByEvent).as("an unknown grid gets no key").containsEntry(4L, null);
    }

    @Test
    void gridReferencedBeforeItArrivesIsInferredThenCompletedWithTheSameKey() {
        LocalDateTime created = LocalDateTime.of(2024, 2, 1, 9, 0);
        GridsToDimension builder = new GridsToDimension();
        Dataset<Row> run1 = commit(
                "dim_grid_inferred",
                builder.apply(
                        grids(grid("G-1", "纬一路社区网格", null, "370103002001", created, created)),
                        events(event(7, "G-9", LocalDateTime.of(2024, 2, 3, 10, 0))),
                        null));
        List<Row> inferred = versions(run1, "grid_code", "G-9");
        assertThat(inferred).hasSize(1);
        assertThat(inferred.get(0).<Boolean>getAs("is_inferred")).isTrue();
        assertThat(inferred.get(0).<String>getAs("community_code"))
                .as("attributes unknown")
                .isNull();
        long inferredKey = inferred.get(0).getAs("grid_key");

        Dataset<Row> run2 = commit(
                "dim_grid_inferred",
                builder.apply(
                        grids(
                                grid("G-1", "纬一路社区网格", null, "370103002001", created, created),
                                grid(
                                        "G-9",
                                        "第九网格",
                                        "G-1",
                                        "370103002001",
                                        created,
                                        LocalDateTime.of(2024, 2, 10, 9, 0))),
                        events(event(7, "G-9", LocalDateTime.of(2024, 2, 3, 10, 0))),
                        run1));
        List<Row> completed = versions(run2, "grid_code", "G-9");
        assertThat(completed).as("completed in place, not versioned").hasSize(1);
        assertThat(completed.get(0).<Long>getAs("grid_key"))
                .as("the facts' key survives")
                .isEqualTo(inferredKey);
        assertThat(completed.get(0).<Boolean>getAs("is_inferred")).isFalse();
        assertThat(completed.get(0).<String>getAs("grid_name")).isEqualTo("第九网格");
        assertThat(completed.get(0).<String>getAs("community_code")).isEqualTo("370103002001");
        assertThat(completed.get(0).<Boolean>getAs("is_current")).isTrue();
    }

    @Test
    void twoRunsOnTheSameSourcesGiveIdenticalDimensions() throws IOException {
        Path r2023 = release("same", Map.of("370103002001", "纬一路社区居民委员会", "370103003001", "杆石桥社区居民委员会"));
        DivisionsToDimension divisions = new DivisionsToDimension(spark);
        NbsDivisions nbs = NbsDivisions.fromFolder(r2023, JINAN);
        LocalDate on = LocalDate.of(2023, 6, 30);
        Dataset<Row> once = commit("dim_division_twice", divisions.apply(nbs, JINAN, null, on));
        List<Row> afterOne = sorted(once);
        Dataset<Row> twice = commit("dim_division_twice", divisions.apply(nbs, JINAN, once, on));
        assertThat(sorted(twice)).as("a rerun changes nothing").isEqualTo(afterOne);
        assertThat(sorted(divisions.apply(nbs, JINAN, null, on)))
                .as("a fresh home builds the same table")
                .isEqualTo(afterOne);

        LocalDateTime t = LocalDateTime.of(2024, 2, 1, 9, 0);
        GridsToDimension grids = new GridsToDimension();
        Dataset<Row> gridSource = grids(grid("G-1", "网格一", null, "370103002001", t, t.plusDays(3)));
        Dataset<Row> g1 = commit("dim_grid_twice", grids.apply(gridSource, events(event(1, "G-7", t)), null));
        List<Row> gridsOnce = sorted(g1);
        assertThat(sorted(commit("dim_grid_twice", grids.apply(gridSource, events(event(1, "G-7", t)), g1))))
                .isEqualTo(gridsOnce);
    }

    @Test
    void organizationTypeComesFromTheCreditCodeAndNamesKeepHistory() {
        String socialGroup = creditCode("51370103MJD000001");
        String nonEnterprise = creditCode("52370103MJD000002");
        String foundation = creditCode("53370103MJD000003");
        String enterprise = creditCode("91370103MA3C00004");
        StructType schema = new StructType()
                .add("provider_credit_code", DataTypes.StringType)
                .add("provider_name", DataTypes.StringType)
                .add("signed_date", DataTypes.DateType);
        Dataset<Row> contracts = spark.createDataFrame(
                List.of(
                        RowFactory.create(socialGroup.toLowerCase(), "济南市社会工作协会", Date.valueOf("2023-03-01")),
                        RowFactory.create(nonEnterprise, "乐善社会工作服务中心", Date.valueOf("2023-03-01")),
                        RowFactory.create(nonEnterprise, "乐善社会工作服务中心", Date.valueOf("2023-05-01")),
                        RowFactory.create(nonEnterprise, "济南乐善社会工作服务中心", Date.valueOf("2024-02-01")),
                        RowFactory.create(foundation, "泉城公益基金会", Date.valueOf("2023-04-01")),
                        RowFactory.create(enterprise, "安居物业有限公司", null),
                        RowFactory.create("913701030000000000", "校验位错误公司", Date.valueOf("2023-04-01"))),
                schema);
        Dataset<Row> dim = commit(
                "dim_organization", new ProvidersToOrganizations().apply(contracts, null, LocalDate.of(2024, 5, 1)));

        Map<String, String> typeByCode = dim.collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("credit_code"), r -> r.getAs("organization_type"), (a, b) -> a));
        assertThat(typeByCode)
                .as("type from characters 1-2; the code with a bad check character is left out")
                .containsOnly(
                        Map.entry(socialGroup, "social_group"),
                        Map.entry(nonEnterprise, "private_non_enterprise_unit"),
                        Map.entry(foundation, "foundation"),
                        Map.entry(enterprise, "enterprise"));
        List<Row> renamed = versions(dim, "credit_code", nonEnterprise);
        assertThat(renamed).hasSize(2);
        assertThat(renamed.get(0).<String>getAs("organization_name")).isEqualTo("乐善社会工作服务中心");
        assertThat(renamed.get(0).<Date>getAs("valid_to")).isEqualTo(Date.valueOf("2024-02-01"));
        assertThat(renamed.get(1).<String>getAs("organization_name")).isEqualTo("济南乐善社会工作服务中心");
        assertThat(renamed.get(1).<String>getAs("organization_type_zh")).isEqualTo("民办非企业单位");
        assertThat(sorted(new ProvidersToOrganizations().apply(contracts, dim, LocalDate.of(2024, 6, 1))))
                .as("a rerun on a later day changes nothing")
                .isEqualTo(sorted(dim));
    }

    @Test
    void surrogateKeysDependOnlyOnDimensionMemberAndStart() {
        assertThat(SurrogateKeys.of("dim_grid", "G-1", null))
                .isEqualTo(SurrogateKeys.of("dim_grid", "G-1", null))
                .isNotEqualTo(SurrogateKeys.of("dim_grid", "G-1", LocalDateTime.of(2024, 1, 1, 0, 0)))
                .isNotEqualTo(SurrogateKeys.of("dim_division", "G-1", null))
                .isPositive();
    }

    private static String creditCode(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static List<Row> versions(Dataset<Row> dim, String code) {
        return versions(dim, "division_code", code);
    }

    private static List<Row> versions(Dataset<Row> dim, String column, String code) {
        return dim.filter(dim.col(column).equalTo(code))
                .orderBy(dim.col("valid_from").asc_nulls_first())
                .collectAsList();
    }

    private static long keyOf(Dataset<Row> dim, String code) {
        return versions(dim, code).get(0).getAs("division_key");
    }

    private static List<Row> sorted(Dataset<Row> dim) {
        return dim.collectAsList().stream()
                .sorted(Comparator.comparing(Row::toString))
                .toList();
    }

    private static Dataset<Row> grids(Row... rows) {
        return spark.createDataFrame(List.of(rows), GRIDS);
    }

    private static Row grid(
            String code, String name, String parent, String community, LocalDateTime created, LocalDateTime updated) {
        return RowFactory.create(code, name, parent == null ? 1 : 2, parent, community, created, null, updated);
    }

    private static Dataset<Row> events(Row... rows) {
        return spark.createDataFrame(List.of(rows), EVENTS);
    }

    private static Row event(long id, String grid, LocalDateTime reported) {
        return RowFactory.create(id, grid, reported);
    }

    /** A tiny NBS release folder for Jinan Shizhong: two streets and the given village-level units. */
    private Path release(String name, Map<String, String> villages) throws IOException {
        Path folder = Files.createDirectories(releases.resolve(name));
        write(folder, "provinces.csv", "code,name", "37,\"山东省\"");
        write(folder, "cities.csv", "code,name,provinceCode", "3701,\"济南市\",37");
        write(folder, "areas.csv", "code,name,cityCode,provinceCode", "370103,\"市中区\",3701,37");
        write(
                folder,
                "streets.csv",
                "code,name,areaCode,provinceCode,cityCode",
                "370103002,\"大观园街道\",370103,37,3701",
                "370103003,\"杆石桥街道\",370103,37,3701");
        String[] lines = villages.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ",\"" + e.getValue() + "\"," + e.getKey().substring(0, 9) + ",37,3701,370103")
                .toArray(String[]::new);
        write(folder, "villages.csv", "code,name,streetCode,provinceCode,cityCode,areaCode", lines);
        return folder;
    }

    private static void write(Path folder, String file, String header, String... lines) throws IOException {
        Files.writeString(
                folder.resolve(file), header + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
