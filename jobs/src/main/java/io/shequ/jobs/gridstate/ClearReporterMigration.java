package io.shequ.jobs.gridstate;

import io.shequ.jobs.privacy.ReportersToPseudonyms;
import io.shequ.schemas.home.FileTrees;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Rewrites the grid mirror's event tables that an earlier release wrote with the reporter in
 * clear (name, phone, ID number) so that they hold the pseudonym, age band and sex only, the way
 * the mirror is written now. Every run folder is checked, the current one and the one kept before
 * it, so no clear copy outlives the first run of this release.
 *
 * <p>Crash-safe: the pseudonymized table is written beside the old one, then the old one is
 * renamed away, the new one renamed in, and the old one deleted. A run killed between the renames
 * finds the old table under its {@code .clear} name and no table: it puts the old one back and
 * rewrites it again; killed after them, it finds both and deletes the old one.
 */
public final class ClearReporterMigration {

    private static final String CLEAR_SUFFIX = ".clear";
    private static final String NEXT_SUFFIX = ".pseudonymized";

    private final SparkSession spark;
    private final ReportersToPseudonyms reporters;

    public ClearReporterMigration(SparkSession spark, ReportersToPseudonyms reporters) {
        this.spark = spark;
        this.reporters = reporters;
    }

    /** Rewrites every run folder of {@code mirror} whose events hold clear columns; returns those folders' run ids. */
    public List<String> migrate(GridMirror mirror) {
        Path root = mirror.root();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> rewritten = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path folder : children.filter(Files::isDirectory).sorted().toList()) {
                if (rewrite(folder)) {
                    rewritten.add(folder.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("pseudonymizing the grid mirror under " + root, e);
        }
        if (!rewritten.isEmpty()) {
            try {
                OwnerOnly.restrictTree(root);
            } catch (IOException e) {
                throw new UncheckedIOException("restricting " + root + " to its owner", e);
            }
        }
        return rewritten;
    }

    private boolean rewrite(Path folder) throws IOException {
        Path events = folder.resolve(GridState.EVENT);
        Path clear = folder.resolve(GridState.EVENT + CLEAR_SUFFIX);
        Path next = folder.resolve(GridState.EVENT + NEXT_SUFFIX);
        if (Files.isDirectory(clear)) {
            if (Files.isDirectory(events)) {
                FileTrees.delete(clear);
            } else {
                Files.move(clear, events, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        if (!Files.isDirectory(events)
                || !ReportersToPseudonyms.holdsClearIdentifiers(
                        spark.read().parquet(events.toString()).schema())) {
            return false;
        }
        if (Files.exists(next)) {
            FileTrees.delete(next);
        }
        reporters.apply(spark.read().parquet(events.toString())).write().parquet(next.toString());
        Files.move(events, clear, StandardCopyOption.ATOMIC_MOVE);
        Files.move(next, events, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.delete(clear);
        return true;
    }
}
