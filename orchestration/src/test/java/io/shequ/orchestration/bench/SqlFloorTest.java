package io.shequ.orchestration.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The floor's SQL on a hand-made set of landed and staged Parquet (one street, two communities, four
 * events, three report files, a ledger and its amendment), against figures worked out by hand.
 */
class SqlFloorTest {

    static final byte[] KEY = "test-key".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    static SqlFloor.Result result;

    @BeforeAll
    static void runFloorOnHandMadeParquet() throws Exception {
        Path landed = dir.resolve("landing");
        Path staging = dir.resolve("staging");
        for (Path folder : List.of(
                landed.resolve("grid"),
                landed.resolve("event"),
                landed.resolve("event_flow"),
                staging.resolve("community_reports"),
                staging.resolve("service_contracts"),
                dir.resolve("lake"))) {
            Files.createDirectories(folder);
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = db.createStatement()) {
            sql.execute(copy("""
                    SELECT * FROM (VALUES
                      ('370100000000', '济南市', 'city', '370000000000', true),
                      ('370103000000', '市中区', 'district', '370100000000', true),
                      ('370103002000', '大观园街道', 'township', '370103000000', true),
                      ('370103002001', '纬一路社区居民委员会', 'village', '370103002000', true),
                      ('370103002003', '睦和苑社区居民委员会', 'village', '370103002000', true))
                      AS t(division_code, division_name, level, parent_code, is_current)""", dir.resolve("lake/dim_division.parquet")));
            sql.execute(copy("""
                    SELECT * FROM (VALUES ('G1', '370103002001', TIMESTAMP '2023-01-01 00:00:00'),
                                          ('G2', '370103002003', TIMESTAMP '2023-01-01 00:00:00'))
                      AS t(grid_code, community_code, updated_at)""", landed.resolve("grid/part-0.parquet")));
            sql.execute(copy("""
                    SELECT * FROM (VALUES
                      ('E1', 'G1', '03', '网格员巡查', '11010519491231002X', TIMESTAMP '2023-01-01 08:00:00', TIMESTAMP '2023-01-04 09:00:00', '满意', TIMESTAMP '2023-01-02 13:00:00'),
                      ('E2', 'G1', '01', '居民上报', NULL, TIMESTAMP '2023-01-01 08:00:00', TIMESTAMP '2023-01-04 09:00:00', '不满意', TIMESTAMP '2023-01-05 11:00:00'),
                      ('E3', 'G2', '03', '居民上报', NULL, TIMESTAMP '2023-01-03 08:00:00', NULL, NULL, TIMESTAMP '2023-01-03 09:00:00'),
                      ('E4', 'G2', '04', '12345热线', NULL, TIMESTAMP '2023-01-10 08:00:00', TIMESTAMP '2023-01-13 09:00:00', NULL, TIMESTAMP '2023-01-18 09:00:00'),
                      ('E5', 'G2', '04', '12345热线', NULL, TIMESTAMP '2123-01-10 08:00:00', NULL, NULL, TIMESTAMP '2123-01-10 08:00:00'))
                      AS t(event_id, grid_code, category_code, channel, reporter_id_no, reported_at, deadline_at, satisfaction, updated_at)""", landed.resolve("event/part-0.parquet")));
            sql.execute(copy("""
                    SELECT event_id, seq, action, CAST(acted_at AS TIMESTAMP) AS acted_at, note FROM (VALUES
                      ('E1', 1, '上报', '2023-01-01 08:00:00', ''), ('E1', 2, '立案', '2023-01-01 09:00:00', ''),
                      ('E1', 3, '派遣', '2023-01-01 10:00:00', ''), ('E1', 4, '处置', '2023-01-02 10:00:00', ''),
                      ('E1', 5, '核查', '2023-01-02 12:00:00', ''), ('E1', 6, '结案', '2023-01-02 13:00:00', ''),
                      ('E2', 1, '上报', '2023-01-01 08:00:00', ''), ('E2', 2, '立案', '2023-01-01 09:00:00', ''),
                      ('E2', 3, '派遣', '2023-01-01 10:00:00', ''), ('E2', 4, '处置', '2023-01-02 10:00:00', ''),
                      ('E2', 5, '返工', '2023-01-02 11:00:00', ''), ('E2', 6, '处置', '2023-01-03 10:00:00', ''),
                      ('E2', 7, '核查', '2023-01-05 10:00:00', ''), ('E2', 8, '结案', '2023-01-05 11:00:00', ''),
                      ('E2', 9, '返工', '2023-01-02 11:00:00', ''),
                      ('E3', 1, '上报', '2023-01-03 08:00:00', ''), ('E3', 2, '作废', '2023-01-03 09:00:00', ''),
                      ('E4', 1, '上报', '2023-01-10 08:00:00', ''), ('E4', 2, '立案', '2023-01-10 09:00:00', ''),
                      ('E4', 3, '延期', '2023-01-12 09:00:00', '延期至2023-01-20 09:00:00'),
                      ('E4', 4, '处置', '2023-01-17 09:00:00', ''), ('E4', 5, '结案', '2023-01-18 09:00:00', ''),
                      ('E5', 1, '上报', '2123-01-10 08:00:00', ''))
                      AS t(event_id, seq, action, acted_at, note)""", landed.resolve("event_flow/part-0.parquet")));
            sql.execute(copy("""
                    SELECT source_file, 'Sheet1' AS source_sheet, source_line, arrived_millis, arrived_millis AS modified_millis,
                           '大观园街道' AS street_hint, period, 2023 AS report_year, CAST(period_end AS DATE) AS period_end,
                           community_name_normalized, households, resident_population, fulltime_staff, 3 AS social_workers,
                           CAST(office_area_m2 AS DECIMAL(12, 2)) AS office_area_m2, 100 AS volunteers, 2 AS social_orgs,
                           1 AS consult_platforms, consult_meetings, 1 AS matters_public, 1 AS matters_livelihood, 1 AS matters_disputes
                    FROM (VALUES
                      ('a.xlsx', 2, 1, '2023-11', '2023-11-30', '纬一路', 1000, 3000, 10, 350, 2),
                      ('a.xlsx', 3, 1, '2023-11', '2023-11-30', '睦和苑', 500, 2000, 8, 200, 1),
                      ('b.xlsx', 2, 1, '2023-12', '2023-12-31', '纬一路', 1100, 3300, 14, 360, 3),
                      ('b2.xlsx', 2, 2, '2023-12', '2023-12-31', '纬一路', 1200, 3600, 12, 360, 4))
                      AS t(source_file, source_line, arrived_millis, period, period_end, community_name_normalized,
                           households, resident_population, fulltime_staff, office_area_m2, consult_meetings)""", staging.resolve("community_reports/part-0.parquet")));
            sql.execute(copy("""
                    SELECT source_file, source_line, arrived_millis, arrived_millis AS modified_millis, project_no, purchaser,
                           CAST(contract_amount AS DECIMAL(18, 2)) AS contract_amount, CAST(signed_date AS DATE) AS signed_date,
                           'social_work' AS service_category_code, served_parts
                    FROM (VALUES
                      ('市中区_2023年政府购买服务台账.xlsx', 2, 1, 'P1', '市中区民政局', 1000, '2023-03-01', ['纬一路社区', '睦和苑社区']),
                      ('市中区_2023年政府购买服务台账.xlsx', 3, 1, 'P2', '市中区民政局', 600, '2023-04-01', ['全区']),
                      ('市中区_2023年政府购买服务台账_更正.xlsx', 2, 2, 'P1', '市中区民政局', 2000, '2023-03-01', ['纬一路社区', '睦和苑社区']))
                      AS t(source_file, source_line, arrived_millis, project_no, purchaser, contract_amount, signed_date, served_parts)""", staging.resolve("service_contracts/part-0.parquet")));
        }
        result = SqlFloor.run(new SqlFloor.Inputs(
                landed,
                staging,
                List.of(dir.resolve("lake/dim_division.parquet")),
                LocalDateTime.of(2024, 1, 1, 0, 0),
                KEY,
                dir.resolve("out")));
    }

    @Test
    void buildsEachTableOnceAtItsGrain() {
        assertThat(result.rows())
                .as("E5's vendor clock ran a century ahead: no data yet")
                .containsEntry("grid_events", 4L)
                .as("b.xlsx is replaced by its resubmission b2.xlsx")
                .containsEntry("community_reports", 3L)
                .as("the amendment replaces P1; P1 serves two communities, P2 the district")
                .containsEntry("service_contracts", 3L);
        assertThat(dir.resolve("out/indicators.parquet"))
                .as("written to Parquet")
                .exists();
    }

    @Test
    void accumulatingSnapshotKeepsTheLowestSeqOfADuplicatedFlowAndMovesTheDeadlineByExtensions() throws Exception {
        Map<String, List<Object>> events =
                rows("SELECT event_id, rework_count, is_on_time, hours_to_close, voided_at IS NOT NULL, "
                        + "extension_count FROM read_parquet('" + dir.resolve("out/grid_events.parquet") + "')");
        assertThat(events.get("E2"))
                .as("E2's second 返工 repeats seq 5's action and time: counted once; closed after the deadline")
                .containsExactly(1L, false, 98.0, false, 0L);
        assertThat(events.get("E4"))
                .as("extended to 01-20, closed 01-18: on time")
                .containsExactly(0L, true, 192.0, false, 1L);
        assertThat(events.get("E1")).containsExactly(0L, true, 28.0, false, 0L);
        assertThat(events.get("E3").get(3)).as("voided").isEqualTo(true);
    }

    @Test
    void reporterIdIsTheHmacSha256OfTheKey() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("11010519491231002X".getBytes(StandardCharsets.UTF_8)));
        Map<String, List<Object>> keys = rows("SELECT event_id, reporter_key, reporter_sex FROM read_parquet('"
                + dir.resolve("out/grid_events.parquet") + "')");
        assertThat(keys.get("E1")).containsExactly(expected, "F");
        assertThat(keys.get("E2").get(0)).as("no ID number, no pseudonym").isNull();
    }

    @Test
    void indicatorsAtFourLevelsMatchTheHandComputedFigures() throws Exception {
        Map<String, List<Object>> city = rows("SELECT indicator, numerator, denominator, value FROM read_parquet('"
                + dir.resolve("out/indicators.parquet") + "') WHERE division_code = '370100000000' AND level = 'city'");
        assertThat(city.get("close_rate"))
                .as("E1, E2, E4 registered and closed; E3 voided")
                .containsExactly(3.0, 3.0, 1.0);
        assertThat((double) city.get("ontime_rate").get(2)).isCloseTo(2.0 / 3, within(1e-9));
        assertThat((double) city.get("rework_rate").get(2)).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(city.get("satisfaction")).as("two rated, one 满意").containsExactly(1.0, 2.0, 0.5);
        assertThat(city.get("dispose_hours")).containsExactly(106.0, null, 106.0);
        assertThat(city.get("dispose_hours_median").get(2)).isEqualTo(98.0);
        assertThat(city.get("staff_avg"))
                .as("last report of the year: 12 (b2) and 8 (a)")
                .containsExactly(20.0, 2.0, 10.0);
        assertThat(city.get("office_ok")).as("360 m² yes, 200 m² no").containsExactly(1.0, 2.0, 0.5);
        assertThat((double) city.get("events").get(2))
                .as("3 events per 5,600 residents, per thousand")
                .isCloseTo(3000.0 / 5600, within(1e-9));
        assertThat(city.get("purchase_signed").get(2))
                .as("the amendment's 2,000 plus the district's 600")
                .isEqualTo(2600.0);

        Map<String, Object> purchase = new HashMap<>();
        rows("SELECT level || ':' || division_code, value FROM read_parquet('" + dir.resolve("out/indicators.parquet")
                        + "') WHERE indicator = 'purchase_signed'")
                .forEach((k, v) -> purchase.put(k, v.get(0)));
        assertThat(purchase)
                .as("a whole-district amount counts in the district and above, never below")
                .containsEntry("district:370103000000", 2600.0)
                .containsEntry("street:370103002000", 2000.0)
                .containsEntry("community:370103002001", 1000.0)
                .containsEntry("community:370103002003", 1000.0);
        Map<String, List<Object>> community = rows("SELECT indicator, value FROM read_parquet('"
                + dir.resolve("out/indicators.parquet") + "') WHERE division_code = '370103002001'");
        assertThat(community.get("ontime_rate")).as("E1 on time, E2 late").containsExactly(0.5);
    }

    @Test
    void scriptSplitsIntoStatementsAndEveryParameterIsBound() throws Exception {
        List<String> statements = SqlFloor.statements(SqlFloor.script());
        assertThat(SqlFloor.script().lines().findFirst().orElseThrow()).startsWith("-- grain:");
        assertThat(statements)
                .as("the name macro, division, 4 tables, 4 copies")
                .hasSize(10);
        assertThat(statements).allSatisfy(s -> assertThat(s).doesNotEndWith(";"));
    }

    private static String copy(String select, Path target) {
        return "COPY (" + select + ") TO '" + target + "' (FORMAT parquet)";
    }

    /** First column → the rest, as JDBC returns them. */
    private static Map<String, List<Object>> rows(String query) throws Exception {
        Map<String, List<Object>> rows = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> values = new ArrayList<>();
                for (int c = 2; c <= columns; c++) {
                    Object v = rs.getObject(c);
                    values.add(
                            v instanceof Number n && !(v instanceof Long) && !(v instanceof Double)
                                    ? n.doubleValue()
                                    : v);
                }
                rows.put(rs.getString(1), values);
            }
        }
        return rows;
    }
}
