package io.shequ.warehouse;

import io.shequ.schemas.fault.PausePoint;
import io.shequ.schemas.lake.LakeSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Write-audit-publish: builds a new snapshot from one lake snapshot (models and their tests),
 * audits it, and only if everything passed makes it current and drops snapshots beyond the
 * newest {@code keep}. A snapshot that fails is deleted and the current one stays current.
 *
 * <p>Idempotent for its run id, so a run restarted after a kill publishes the same way: a
 * snapshot file of the run left by a crash before the switch is deleted and built again; one
 * that a crash after the switch left current is kept, and only the clean-up after it is redone.
 */
public final class WarehouseRelease {

    /** A published snapshot and the audits it passed. */
    public record Published(Path snapshot, List<AuditOutcome> audits) {
    }

    private final WarehousePublisher publisher;
    private final WarehouseBuilder builder;
    private final WarehouseAudits audits;
    private final int keep;

    public WarehouseRelease(Path home, WarehouseBuilder builder, WarehouseAudits audits, int keep) {
        this.publisher = new WarehousePublisher(home);
        this.builder = builder;
        this.audits = audits;
        this.keep = keep;
    }

    /**
     * Builds, audits and publishes the snapshot of run {@code runId}.
     *
     * @throws PublishBlockedException if a model test or an audit failed; nothing was published
     */
    public Published release(String runId, LakeSnapshot lake) {
        Path target = publisher.newSnapshotPath(runId);
        if (isCurrent(target)) {
            // a restart after a crash past the switch: this run's snapshot is already current
            return finish(target, audits.audit(target, Optional.empty()));
        }
        // a crash before the switch leaves this run's file, possibly half-built: build it again
        removeLeftover(target);
        Path snapshot = builder.build(lake, target);
        List<AuditOutcome> outcomes;
        try {
            outcomes = audits.audit(snapshot, publisher.current());
        } catch (RuntimeException e) {
            discard(snapshot, e);
            throw e;
        }
        List<AuditOutcome> failed = outcomes.stream().filter(o -> !o.passed()).toList();
        if (!failed.isEmpty()) {
            PublishBlockedException blocked = new PublishBlockedException("audits failed, " + snapshot.getFileName()
                    + " discarded and the previous snapshot left current: " + failed, outcomes);
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
        return new Published(snapshot, outcomes);
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
