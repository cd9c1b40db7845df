package io.shequ.warehouse;

import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.lake.LakeTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the lake tables of a new warehouse from their DDL ({@code models/lake/<table>.sql}),
 * fills them from one lake snapshot's Parquet files and records that snapshot in
 * {@code meta_snapshot}.
 *
 * <p>A table always gets the columns of its DDL, even with no data files. Parquet columns the
 * DDL does not name are ignored; a DDL column missing from every file fails the build.
 */
final class LakeLoader {

    static final List<String> TABLES =
            List.of("dim_division", "fct_community_reports", "fct_grid_events", "fct_service_contracts");

    private static final Logger LOG = LoggerFactory.getLogger(LakeLoader.class);

    private LakeLoader() {
    }

    static void load(Connection connection, LakeSnapshot lake) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(ClasspathText.read("models/meta/meta_snapshot.sql"));
        }
        for (String name : TABLES) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(ClasspathText.read("models/lake/" + name + ".sql"));
            }
            var table = lake.table(name);
            if (table.isEmpty()) {
                LOG.warn("lake snapshot {}.{} has no table {}: created empty", lake.catalog(), lake.namespace(), name);
                continue;
            }
            insertParquet(connection, table.get());
            recordSnapshot(connection, lake, table.get());
        }
    }

    private static void insertParquet(Connection connection, LakeTable table) throws SQLException {
        if (table.dataFiles().isEmpty()) {
            checkRowCount(connection, table);
            return;
        }
        String files = table.dataFiles().stream()
                .map(file -> quote(localPath(file)))
                .collect(Collectors.joining(", ", "[", "]"));
        String columns = String.join(", ", columns(connection, table.name()));
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO " + table.name() + " BY NAME SELECT " + columns
                    + " FROM read_parquet(" + files + ", hive_partitioning = false, union_by_name = true)");
        }
        checkRowCount(connection, table);
    }

    /** The lake's own count reconciles the file list: a lost or extra file fails the build. */
    private static void checkRowCount(Connection connection, LakeTable table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table.name())) {
            rows.next();
            long loaded = rows.getLong(1);
            if (loaded != table.rowCount()) {
                throw new IllegalStateException("lake table " + table.name() + " snapshot " + table.snapshotId()
                        + " has " + table.rowCount() + " rows but its data files hold " + loaded);
            }
        }
        LOG.info("loaded {} rows of {} (snapshot {}, {} files)",
                table.rowCount(), table.name(), table.snapshotId(), table.dataFiles().size());
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add('"' + rows.getString(1) + '"');
                }
            }
        }
        return columns;
    }

    private static void recordSnapshot(Connection connection, LakeSnapshot lake, LakeTable table)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO meta_snapshot VALUES (?, ?, CAST(? AS TIMESTAMPTZ), ?, ?, ?)")) {
            statement.setString(1, lake.catalog());
            statement.setString(2, lake.namespace());
            statement.setString(3, lake.committedAt().toString());
            statement.setString(4, table.name());
            statement.setLong(5, table.snapshotId());
            statement.setLong(6, table.rowCount());
            statement.execute();
        }
    }

    /**
     * A data file as a local path: the {@code file:} prefix is stripped as text and never
     * URI-decoded, because partition folders are literally percent-encoded.
     */
    static String localPath(String dataFile) {
        String path = dataFile.startsWith("file:") ? dataFile.substring("file:".length()) : dataFile;
        path = path.replaceFirst("^/+", "/");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute local data file: " + dataFile);
        }
        return path;
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
