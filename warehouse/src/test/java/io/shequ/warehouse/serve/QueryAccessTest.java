package io.shequ.warehouse.serve;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each role may run, judged on DuckDB's own parse, against an in-memory database shaped like a snapshot. */
class QueryAccessTest {

    private Connection db;

    @BeforeEach
    void open() throws Exception {
        db = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement sql = db.createStatement()) {
            sql.execute("CREATE SCHEMA lake");
            sql.execute("CREATE TABLE lake.fct_grid_events (id INTEGER)");
            sql.execute("CREATE TABLE fct_grid_events (id INTEGER, community_code VARCHAR)");
            sql.execute("CREATE TABLE dim_division (code VARCHAR)");
            sql.execute("CREATE VIEW int_division_scope AS SELECT code FROM dim_division");
            sql.execute("CREATE VIEW mart_indicators AS SELECT * FROM int_division_scope");
        }
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private void allowed(Role role, String sql) {
        assertThatCode(() -> QueryAccess.check(db, role, sql))
                .as(role + " may run " + sql)
                .doesNotThrowAnyException();
    }

    private void refused(Role role, String sql, String reason) {
        assertThatThrownBy(() -> QueryAccess.check(db, role, sql))
                .as(role + " may not run " + sql)
                .isInstanceOf(QueryRefusedException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void anAnalystReadsThePublishedModelInAnyShapeOfQuery() {
        allowed(Role.ANALYST, "SELECT * FROM mart_indicators");
        allowed(
                Role.ANALYST,
                "WITH e AS (SELECT * FROM fct_grid_events) SELECT count(*) FROM e JOIN dim_division d ON d.code = e.community_code");
        allowed(Role.ANALYST, "SELECT * FROM main.dim_division UNION ALL SELECT code FROM memory.main.dim_division");
        allowed(Role.ANALYST, "SELECT * FROM range(10)");
    }

    @Test
    void anAnalystIsRefusedOtherSchemasAndTheIntermediateModelsWhereverTheyHide() {
        refused(Role.ANALYST, "SELECT * FROM lake.fct_grid_events", "lake.fct_grid_events");
        refused(
                Role.ANALYST,
                "SELECT * FROM dim_division WHERE code IN (SELECT code FROM int_division_scope)",
                "int_division_scope");
        refused(
                Role.ANALYST,
                "WITH int_division_scope AS (SELECT 1) SELECT * FROM int_division_scope",
                "int_division_scope");
        refused(Role.ANALYST, "SELECT * FROM other.main.dim_division", "other.main.dim_division");
        refused(Role.ANALYST, "SELECT * FROM information_schema.tables", "information_schema.tables");
        refused(Role.ANALYST, "SELECT * FROM duckdb_tables()", "duckdb_tables");
    }

    @Test
    void anEngineerAlsoReadsTheIntermediateModelsButNoOtherSchema() {
        allowed(Role.ENGINEER, "SELECT * FROM int_division_scope");
        refused(Role.ENGINEER, "SELECT * FROM lake.fct_grid_events", "lake.fct_grid_events");
    }

    @Test
    void onlyOneSelectIsServedForEitherRole() {
        for (Role role : Role.values()) {
            refused(role, "COPY (SELECT 1) TO '/tmp/x.csv'", "only SELECT");
            refused(role, "SET threads = 1", "only SELECT");
            refused(role, "INSERT INTO dim_division VALUES ('x')", "only SELECT");
            refused(role, "ATTACH '/tmp/x.duckdb'", "only SELECT");
            refused(role, "SELECT 1; SELECT 2", "one statement");
        }
    }
}
