package io.shequ.warehouse.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetPrimaryKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBResultSet;

/**
 * The catalog a BI tool browses, as the role sees it: one catalog (the snapshot's database), the
 * schemas, tables and views it may read with their Arrow schemas (how the JDBC driver answers
 * {@code getColumns}), and primary keys.
 */
final class CatalogMetadata {

    private static final String TABLES = resource("tables.sql");
    private static final String PRIMARY_KEYS = resource("primary_keys.sql");

    private final ServedSnapshots snapshots;
    private final BufferAllocator allocator;

    CatalogMetadata(ServedSnapshots snapshots, BufferAllocator allocator) {
        this.snapshots = snapshots;
        this.allocator = allocator;
    }

    void catalogs(ServerStreamListener listener) {
        send(Schemas.GET_CATALOGS_SCHEMA, listener, root -> {
            try (ServedSnapshots.Lease lease = snapshots.lease()) {
                set(root, 0, "catalog_name", database(lease.connection()));
                root.setRowCount(1);
            } catch (SQLException e) {
                throw failure(e);
            }
        });
    }

    void schemas(Role role, CommandGetDbSchemas command, ServerStreamListener listener) {
        String pattern = command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern() : null;
        send(Schemas.GET_SCHEMAS_SCHEMA, listener, root -> {
            try (ServedSnapshots.Lease lease = snapshots.lease()) {
                String database = database(lease.connection());
                int row = 0;
                if (!command.hasCatalog() || command.getCatalog().equals(database)) {
                    if (role.maySee(Role.MAIN) && (pattern == null || like(Role.MAIN, pattern))) {
                        set(root, row, "catalog_name", database);
                        set(root, row++, "db_schema_name", Role.MAIN);
                    }
                }
                root.setRowCount(row);
            } catch (SQLException e) {
                throw failure(e);
            }
        });
    }

    void tables(Role role, CommandGetTables command, ServerStreamListener listener) {
        Schema schema = command.getIncludeSchema() ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA;
        send(schema, listener, root -> {
            try (ServedSnapshots.Lease lease = snapshots.lease();
                    PreparedStatement statement = lease.connection().prepareStatement(TABLES)) {
                String schemas = command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern() : null;
                String tables = command.hasTableNameFilterPattern() ? command.getTableNameFilterPattern() : null;
                statement.setString(1, schemas);
                statement.setString(2, schemas);
                statement.setString(3, tables);
                statement.setString(4, tables);
                int row = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String catalog = rows.getString(1);
                        String db = rows.getString(2);
                        String table = rows.getString(3);
                        String type = rows.getString(4);
                        boolean wanted =
                                (!command.hasCatalog() || command.getCatalog().equals(catalog))
                                        && (command.getTableTypesCount() == 0
                                                || command.getTableTypesList().contains(type))
                                        && role.maySee(db)
                                        && role.mayRead(db, table);
                        if (!wanted) {
                            continue;
                        }
                        set(root, row, "catalog_name", catalog);
                        set(root, row, "db_schema_name", db);
                        set(root, row, "table_name", table);
                        set(root, row, "table_type", type);
                        if (command.getIncludeSchema()) {
                            ((VarBinaryVector) root.getVector("table_schema"))
                                    .setSafe(
                                            row,
                                            arrowSchema(lease.connection(), db, table)
                                                    .serializeAsMessage());
                        }
                        row++;
                    }
                }
                root.setRowCount(row);
            } catch (SQLException | IOException e) {
                throw failure(e);
            }
        });
    }

    void tableTypes(ServerStreamListener listener) {
        send(Schemas.GET_TABLE_TYPES_SCHEMA, listener, root -> {
            set(root, 0, "table_type", "TABLE");
            set(root, 1, "table_type", "VIEW");
            root.setRowCount(2);
        });
    }

    void primaryKeys(Role role, CommandGetPrimaryKeys command, ServerStreamListener listener) {
        send(Schemas.GET_PRIMARY_KEYS_SCHEMA, listener, root -> {
            String db = command.hasDbSchema() ? command.getDbSchema() : null;
            int row = 0;
            if (role.mayRead(db, command.getTable())) {
                try (ServedSnapshots.Lease lease = snapshots.lease();
                        PreparedStatement statement = lease.connection().prepareStatement(PRIMARY_KEYS)) {
                    statement.setString(1, db);
                    statement.setString(2, db);
                    statement.setString(3, command.getTable());
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            set(root, row, "catalog_name", rows.getString(1));
                            set(root, row, "db_schema_name", rows.getString(2));
                            set(root, row, "table_name", rows.getString(3));
                            set(root, row, "column_name", rows.getString(4));
                            ((IntVector) root.getVector("key_sequence")).setSafe(row, rows.getInt(5));
                            set(root, row++, "key_name", rows.getString(6));
                        }
                    }
                } catch (SQLException e) {
                    throw failure(e);
                }
            }
            root.setRowCount(row);
        });
    }

    private Schema arrowSchema(Connection connection, String db, String table) throws SQLException, IOException {
        try (Statement statement = connection.createStatement();
                DuckDBResultSet rows = statement
                        .executeQuery("SELECT * FROM " + quoted(db) + "." + quoted(table) + " LIMIT 0")
                        .unwrap(DuckDBResultSet.class);
                ArrowReader reader = (ArrowReader) rows.arrowExportStream(allocator, 1024)) {
            return reader.getVectorSchemaRoot().getSchema();
        }
    }

    private void send(Schema schema, ServerStreamListener listener, Consumer<VectorSchemaRoot> fill) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            root.allocateNew();
            fill.accept(root);
            listener.start(root);
            listener.putNext();
            listener.completed();
        } catch (RuntimeException e) {
            listener.error(e);
        }
    }

    private static void set(VectorSchemaRoot root, int row, String column, String value) {
        VarCharVector vector = (VarCharVector) root.getVector(column);
        if (value == null) {
            vector.setNull(row);
        } else {
            vector.setSafe(row, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String database(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_database()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** SQL LIKE with {@code %}, {@code _} and {@code \} as escape, as Flight SQL's filter patterns are. */
    static boolean like(String value, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches(regex.toString());
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static RuntimeException failure(Exception e) {
        return CallStatus.INTERNAL
                .withDescription("reading the catalog: " + e.getMessage())
                .withCause(e)
                .toRuntimeException();
    }

    private static String resource(String name) {
        try (InputStream in = CatalogMetadata.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
