package io.shequ.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the SQL models in the order their references require ({@link ModelGraph}), gives each
 * (and each lake table, which {@link LakeLoader} has loaded already) the comments of its spec (so BI tools show the Chinese and English descriptions), and runs
 * its spec's tests right after it is built. Any failing test fails the build with a
 * {@link ModelTestException} naming every failure.
 */
final class ModelRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRunner.class);

    private ModelRunner() {}

    /** The lake tables {@code lakeTables} and the models over them, in build order. */
    static List<Model> plan(Set<String> lakeTables) {
        return ModelGraph.order(ModelCatalog.models(lakeTables), withBuiltIns());
    }

    private static Set<String> withBuiltIns() {
        Set<String> builtIn = new HashSet<>(InputQualityTables.TABLES);
        builtIn.add("meta_snapshot");
        return builtIn;
    }

    /** Builds {@code models} in their order and tests each; returns them once all pass. */
    static List<Model> run(Connection connection, List<Model> models) throws SQLException {
        List<ModelTests.Failure> failures = new ArrayList<>();
        for (Model model : models) {
            long started = System.nanoTime();
            create(connection, model);
            ModelComments.apply(connection, model);
            long built = System.nanoTime();
            List<ModelTests.Failure> found = ModelTests.run(connection, model);
            found.forEach(f -> LOG.error("model test failed: {}", f));
            failures.addAll(found);
            LOG.info(
                    "model {} built in {} ms, tested in {} ms",
                    model.name(),
                    (built - started) / 1_000_000,
                    (System.nanoTime() - built) / 1_000_000);
        }
        if (!failures.isEmpty()) {
            throw new ModelTestException(failures);
        }
        return models;
    }

    /**
     * Builds {@code models} in their order with neither comments nor tests: the same tables as
     * {@link #run}, for the benchmark's plain build.
     */
    static void runUntested(Connection connection, List<Model> models) throws SQLException {
        for (Model model : models) {
            create(connection, model);
        }
    }

    private static void create(Connection connection, Model model) throws SQLException {
        if (model.loaded()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(model.createStatement());
        } catch (SQLException e) {
            throw new SQLException(
                    "model " + model.name() + " (" + model.origin() + ") failed: " + e.getMessage(),
                    e.getSQLState(),
                    e);
        }
    }
}
