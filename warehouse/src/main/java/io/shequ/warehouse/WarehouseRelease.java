package io.shequ.warehouse;

import io.shequ.schemas.lake.LakeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Write-audit-publish: builds a new snapshot from one lake snapshot (models and their tests),
 * audits it, and only if everything passed makes it current and drops snapshots beyond the
 * newest {@code keep}. A snapshot that fails is deleted and the current one stays current.
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
        Path snapshot = builder.build(lake, publisher.newSnapshotPath(runId));
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
        publisher.publish(snapshot);
        publisher.retain(keep);
        DataDictionary.ofShippedModels().writeTo(publisher.folder());
        return new Published(snapshot, outcomes);
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
