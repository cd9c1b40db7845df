package io.shequ.warehouse;

import io.shequ.schemas.quality.InputQuality;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code dq_} tables of a snapshot: how complete and clean its inputs were
 * ({@link InputQuality}). Created from their DDL in {@code models/quality/}, filled, commented
 * and tested by the {@code .yml} beside each DDL like a model; read back to carry rows over to
 * the next snapshot and to tell whether it would hold the same.
 */
final class InputQualityTables {

    static final String FOLDER = ModelCatalog.ROOT + "/quality/";
    static final List<String> TABLES =
            List.of("dq_quarantined", "dq_name_resolution", "dq_source_findings", "dq_partitions");

    private InputQualityTables() {}

    /** Creates the tables in {@code connection}, inserts {@code quality} and runs their tests. */
    static void load(Connection connection, InputQuality quality) throws SQLException {
        List<Model> tables = new ArrayList<>();
        for (String table : TABLES) {
            String ddl = FOLDER + table + ".sql";
            Model model = new Model(
                    table,
                    ClasspathText.read(ddl),
                    ModelSpec.parse(ClasspathText.read(FOLDER + table + ".yml"), FOLDER + table + ".yml"),
                    ddl,
                    Set.of());
            try (Statement statement = connection.createStatement()) {
                statement.execute(model.createStatement());
            }
            tables.add(model);
        }
        insert(
                connection,
                "dq_quarantined",
                quality.quarantined(),
                (s, q) -> {
                    s.setString(1, q.source());
                    s.setString(2, q.office());
                    s.setString(3, q.rule());
                    s.setLong(4, q.rows());
                    s.setLong(5, q.files());
                },
                5);
        insert(
                connection,
                "dq_name_resolution",
                quality.resolution(),
                (s, r) -> {
                    s.setString(1, r.source());
                    s.setLong(2, r.names());
                    s.setLong(3, r.resolved());
                    s.setLong(4, r.ambiguous());
                    s.setLong(5, r.unknown());
                },
                5);
        insert(
                connection,
                "dq_source_findings",
                quality.findings(),
                (s, f) -> {
                    s.setString(1, f.kind());
                    s.setString(2, f.source());
                    s.setString(3, f.office());
                    s.setLong(4, f.findings());
                },
                4);
        insert(
                connection,
                "dq_partitions",
                quality.partitions(),
                (s, p) -> {
                    s.setString(1, p.source());
                    s.setString(2, p.partitionKey());
                    s.setString(3, p.state());
                    s.setObject(4, p.periodStart() == null ? null : Date.valueOf(p.periodStart()));
                    s.setObject(5, p.periodEnd() == null ? null : Date.valueOf(p.periodEnd()));
                    s.setDate(6, Date.valueOf(p.due()));
                },
                6);
        List<ModelTests.Failure> failures = new ArrayList<>();
        for (Model table : tables) {
            ModelComments.apply(connection, table);
            failures.addAll(ModelTests.run(connection, table));
        }
        if (!failures.isEmpty()) {
            throw new ModelTestException(failures);
        }
    }

    /**
     * The record a snapshot holds, with no source marked read; empty when it has no {@code dq_}
     * tables (built before they were published).
     */
    static Optional<InputQuality> read(Connection connection) throws SQLException {
        Set<String> present = new TreeSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
                                + " AND database_name = current_database() AND table_name LIKE 'dq\\_%' ESCAPE '\\'")) {
            while (rows.next()) {
                present.add(rows.getString(1));
            }
        }
        if (!present.containsAll(TABLES)) {
            return Optional.empty();
        }
        List<InputQuality.Quarantined> quarantined = new ArrayList<>();
        List<InputQuality.NameResolution> resolution = new ArrayList<>();
        List<InputQuality.Finding> findings = new ArrayList<>();
        List<InputQuality.LatePartition> partitions = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet r = statement.executeQuery(
                    "SELECT source, office, rule, rows_quarantined, files_quarantined FROM dq_quarantined")) {
                while (r.next()) {
                    quarantined.add(new InputQuality.Quarantined(
                            r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getLong(5)));
                }
            }
            try (ResultSet r = statement.executeQuery(
                    "SELECT source, names, resolved, ambiguous, unknown FROM dq_name_resolution")) {
                while (r.next()) {
                    resolution.add(new InputQuality.NameResolution(
                            r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)));
                }
            }
            try (ResultSet r =
                    statement.executeQuery("SELECT kind, source, office, findings FROM dq_source_findings")) {
                while (r.next()) {
                    findings.add(
                            new InputQuality.Finding(r.getString(1), r.getString(2), r.getString(3), r.getLong(4)));
                }
            }
            try (ResultSet r = statement.executeQuery(
                    "SELECT source, partition_key, state, period_start, period_end, due FROM dq_partitions")) {
                while (r.next()) {
                    partitions.add(new InputQuality.LatePartition(
                            r.getString(1), r.getString(2), r.getString(3), day(r, 4), day(r, 5), day(r, 6)));
                }
            }
        }
        return Optional.of(new InputQuality(Set.of(), quarantined, resolution, findings, partitions));
    }

    private static LocalDate day(ResultSet r, int column) throws SQLException {
        return r.getObject(column, LocalDate.class);
    }

    private interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private static <T> void insert(Connection connection, String table, List<T> rows, Binder<T> binder, int columns)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String marks = String.join(", ", Collections.nCopies(columns, "?"));
        try (PreparedStatement statement =
                connection.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
