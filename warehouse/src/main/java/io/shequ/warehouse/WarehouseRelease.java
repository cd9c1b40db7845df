package io.shequ.warehouse;

import io.shequ.schemas.fault.PausePoint;
import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.quality.InputQuality;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Write-audit-publish: builds a new snapshot from one lake snapshot (models and their tests),
 * audits it, and only if everything passed makes it current and drops snapshots beyond the
 * newest {@code keep}. A snapshot that fails is deleted and the current one stays current.
 *
 * <p>A lake that has not moved since the current snapshot was built (every table at the same
 * Iceberg snapshot, see {@code LakeWriter}), the same input-quality rows and unchanged models
 * leave the current snapshot current: nothing is built, and the outcome says so. Input-quality
 * rows of sources the run did not read are carried over from the current snapshot.
 *
 * <p>Idempotent for its run id, so a run restarted after a kill publishes the same way: a
 * snapshot file of the run left by a crash before the switch is deleted and built again; one
 * that a crash after the switch left current is kept, and only the clean-up after it is redone.
 */
public final class WarehouseRelease {

    /**
     * A published snapshot and the audits it passed.
     *
     * @param rebuilt false when the current snapshot was kept: it was built from the same lake
     *     snapshots by the same models, so a new one would hold the same tables
     */
    public record Published(Path snapshot, List<AuditOutcome> audits, boolean rebuilt) {}

    private final WarehousePublisher publisher;
    private final WarehouseBuilder builder;
    private final WarehouseAudits audits;
    private final int keep;

    public WarehouseRelease(Path home, WarehouseBuilder builder, WarehouseAudits audits, int keep) {
        this(home, builder, audits, keep, SnapshotReaders.OWNER_ONLY);
    }

    /** @param readers who besides the owner may read the published snapshots ({@code warehouse.readers-group}) */
    public WarehouseRelease(
            Path home, WarehouseBuilder builder, WarehouseAudits audits, int keep, SnapshotReaders readers) {
        this.publisher = new WarehousePublisher(home, readers);
        this.builder = builder;
        this.audits = audits;
        this.keep = keep;
    }

    /** As {@link #release(String, LakeSnapshot, InputQuality)}, with no source read: the input-quality rows carry over. */
    public Published release(String runId, LakeSnapshot lake) {
        return release(runId, lake, InputQuality.none());
    }

    /**
     * Builds, audits and publishes the snapshot of run {@code runId}, with {@code quality}'s rows
     * over those of the current snapshot.
     *
     * @throws PublishBlockedException if a model test or an audit failed; nothing was published
     */
    public Published release(String runId, LakeSnapshot lake, InputQuality quality) {
        Path target = publisher.newSnapshotPath(runId);
        if (isCurrent(target)) {
            // a restart after a crash past the switch: this run's snapshot is already current
            return finish(target, audits.audit(target, Optional.empty()));
        }
        // a crash before the switch leaves this run's file, possibly half-built: build it again
        removeLeftover(target);
        // the current snapshot's input-quality rows, read once: carried over, then compared
        Optional<InputQuality> held = publisher.current().flatMap(this::quality);
        InputQuality published = quality.over(held.orElse(InputQuality.none()));
        Optional<Path> unchanged = publisher
                .current()
                .filter(current ->
                        held.map(rows -> rows.sameRowsAs(published)).orElse(false) && builtFromTheSame(current, lake));
        if (unchanged.isPresent()) {
            publisher.grantReaders(unchanged.get());
            publisher.retain(keep);
            return new Published(
                    unchanged.get(),
                    List.of(
                            AuditOutcome.passed(
                                    "unchanged",
                                    "every lake table is at the snapshot "
                                            + unchanged.get().getFileName()
                                            + " was built from, its inputs' quality rows and the models are the same: it stays current")),
                    false);
        }
        Path snapshot = builder.build(lake, published, target);
        List<AuditOutcome> outcomes;
        try {
            outcomes = audits.audit(snapshot, publisher.current());
        } catch (RuntimeException e) {
            discard(snapshot, e);
            throw e;
        }
        List<AuditOutcome> failed = outcomes.stream().filter(o -> !o.passed()).toList();
        if (!failed.isEmpty()) {
            PublishBlockedException blocked = new PublishBlockedException(
                    "audits failed, " + snapshot.getFileName() + " discarded and the previous snapshot left current: "
                            + failed,
                    outcomes);
            discard(snapshot, blocked);
            throw blocked;
        }
        PausePoint.reach(PausePoint.PUBLISH_BEFORE_SWITCH);
        publisher.publish(snapshot);
        PausePoint.reach(PausePoint.PUBLISH_AFTER_SWITCH);
        return finish(snapshot, outcomes);
    }

    private Published finish(Path snapshot, List<AuditOutcome> outcomes) {
        publisher.retain(keep);
        DataDictionary.ofShippedModels().writeTo(publisher.folder());
        return new Published(snapshot, outcomes, true);
    }

    /**
     * Whether {@code current} was built by the shipped models from exactly the lake snapshots of
     * {@code lake}. A snapshot that cannot say (built before its {@code meta_snapshot} named its
     * build definition, or unreadable) is not.
     */
    private boolean builtFromTheSame(Path current, LakeSnapshot lake) {
        Map<String, Long> recorded = new TreeMap<>();
        try (Connection connection = WarehouseReader.openSandboxed(current.toRealPath(), builder.resources());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT table_name, iceberg_snapshot_id, build_definition FROM meta_snapshot")) {
            while (rows.next()) {
                if (!WarehouseDefinition.fingerprint().equals(rows.getString(3))) {
                    return false;
                }
                recorded.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException | IOException | WarehouseException e) {
            return false;
        }
        return !recorded.isEmpty() && recorded.equals(LakeLoader.recorded(lake));
    }

    /** The input-quality rows {@code snapshot} holds; empty when it has none or cannot be read. */
    private Optional<InputQuality> quality(Path snapshot) {
        try (Connection connection = WarehouseReader.openSandboxed(snapshot.toRealPath(), builder.resources())) {
            return InputQualityTables.read(connection);
        } catch (SQLException | IOException | WarehouseException e) {
            return Optional.empty();
        }
    }

    private boolean isCurrent(Path snapshot) {
        Optional<Path> current = publisher.current();
        if (current.isEmpty() || !Files.exists(snapshot)) {
            return false;
        }
        try {
            return Files.isSameFile(current.get(), snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException("comparing " + snapshot + " with the current snapshot", e);
        }
    }

    private static void removeLeftover(Path snapshot) {
        for (Path path : new Path[] {snapshot, snapshot.resolveSibling(snapshot.getFileName() + ".wal")}) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException("removing " + path + " left by an interrupted publish", e);
            }
        }
    }

    private static void discard(Path snapshot, Exception cause) {
        for (Path path : new Path[] {snapshot, snapshot.resolveSibling(snapshot.getFileName() + ".wal")}) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
