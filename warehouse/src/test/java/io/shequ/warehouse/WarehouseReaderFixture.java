package io.shequ.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A sandboxed read-only connection to one warehouse file, for single-value test queries. */
final class WarehouseReaderFixture implements AutoCloseable {

    private final Connection connection;

    WarehouseReaderFixture(Path file) {
        this.connection = WarehouseReader.openSandboxed(file);
    }

    Object single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getObject(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
