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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the lake tables of a new warehouse from their DDL ({@code models/lake/<table>.sql}),
 * fills them from one lake snapshot's Parquet files and records that snapshot in
 * {@code meta_snapshot}. Each is published under its own name, the only table of that name: the
 * DDL's types are the warehouse's, and the models read the table as loaded.
 *
 * <p>A table with a DDL always gets its columns, even with no data files. Parquet columns the
 * DDL does not name are ignored; a DDL column missing from every file fails the build. A lake
 * table without a DDL (one added to the lake since) is loaded with the columns of its files.
 */
final class LakeLoader {

    private static final Logger LOG = LoggerFactory.getLogger(LakeLoader.class);

    private LakeLoader() {}

    /**
     * Loads every lake table that has a DDL, or data files in {@code lake}.
     *
     * @return the names of the tables loaded
     */
    static Set<String> load(Connection connection, LakeSnapshot lake) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(ClasspathText.read("models/meta/meta_snapshot.sql"));
        }
        Set<String> withDdl = ModelCatalog.lakeTablesWithDdl();
        Set<String> loaded = new TreeSet<>(withDdl);
        for (LakeTable table : lake.tables()) {
            if (!withDdl.contains(table.name()) && !table.dataFiles().isEmpty()) {
                loaded.add(table.name());
            }
        }
        for (String name : loaded) {
            var table = lake.table(name);
            if (withDdl.contains(name)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(ClasspathText.read(ModelCatalog.LAKE + name + ".sql"));
                }
            } else {
                LOG.warn("lake table {} has no DDL in models/lake/: its columns are those of its Parquet files", name);
                try (Statement statement = connection.createStatement()) {
                    statement.execute(
                            "CREATE TABLE " + name + " AS SELECT * FROM " + readParquet(table.get()) + " LIMIT 0");
                }
            }
            if (table.isEmpty()) {
                LOG.warn("lake snapshot {}.{} has no table {}: created empty", lake.catalog(), lake.namespace(), name);
                continue;
            }
            insertParquet(connection, table.get());
            recordSnapshot(connection, lake, table.get());
        }
        return loaded;
    }

    /**
     * The lake tables {@link #load} records in {@code meta_snapshot}, with their snapshot ids: those
     * of {@code lake} that have a DDL or data files.
     */
    static Map<String, Long> recorded(LakeSnapshot lake) {
        Set<String> withDdl = ModelCatalog.lakeTablesWithDdl();
        Map<String, Long> recorded = new TreeMap<>();
        for (LakeTable table : lake.tables()) {
            if (withDdl.contains(table.name()) || !table.dataFiles().isEmpty()) {
                recorded.put(table.name(), table.snapshotId());
            }
        }
        return recorded;
    }

    private static String readParquet(LakeTable table) {
        String files = table.dataFiles().stream()
                .map(file -> quote(localPath(file)))
                .collect(Collectors.joining(", ", "[", "]"));
        return "read_parquet(" + files + ", hive_partitioning = false, union_by_name = true)";
    }

    private static void insertParquet(Connection connection, LakeTable table) throws SQLException {
        if (table.dataFiles().isEmpty()) {
            checkRowCount(connection, table);
            return;
        }
        String columns = String.join(", ", columns(connection, table.name()));
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    "INSERT INTO " + table.name() + " BY NAME SELECT " + columns + " FROM " + readParquet(table));
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
        LOG.info(
                "loaded {} rows of {} (snapshot {}, {} files)",
                table.rowCount(),
                table.name(),
                table.snapshotId(),
                table.dataFiles().size());
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main'"
                        + " AND table_name = ? ORDER BY column_index")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add('"' + rows.getString(1) + '"');
                }
            }
        }
        return columns;
    }

    private static void recordSnapshot(Connection connection, LakeSnapshot lake, LakeTable table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO meta_snapshot VALUES (?, ?, CAST(? AS TIMESTAMPTZ), ?, ?, ?, ?)")) {
            statement.setString(1, lake.catalog());
            statement.setString(2, lake.namespace());
            statement.setString(3, lake.committedAt().toString());
            statement.setString(4, table.name());
            statement.setLong(5, table.snapshotId());
            statement.setLong(6, table.rowCount());
            statement.setString(7, WarehouseDefinition.fingerprint());
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
