package io.shequ.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Materializes the SQL models as tables, in the order {@code models/models.txt} lists them.
 * Each model is a SELECT in {@code models/<name>.sql}; the runner only wraps it in
 * {@code CREATE TABLE <name> AS}. A ref graph will replace the list when models multiply.
 */
final class ModelRunner {

    static final String MODEL_LIST = "models/models.txt";

    private static final Logger LOG = LoggerFactory.getLogger(ModelRunner.class);

    private ModelRunner() {
    }

    static List<String> modelNames() {
        return ClasspathText.listed(MODEL_LIST);
    }

    static String modelSql(String name) {
        return ClasspathText.read("models/" + name + ".sql");
    }

    static void run(Connection connection) throws SQLException {
        for (String name : modelNames()) {
            long started = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + name + " AS\n" + modelSql(name));
            } catch (SQLException e) {
                throw new SQLException("model " + name + " failed: " + e.getMessage(), e.getSQLState(), e);
            }
            LOG.info("model {} built in {} ms", name, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
