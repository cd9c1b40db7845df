package io.shequ.jobs.gridstate;

import io.shequ.jobs.extract.GridExtract;
import io.shequ.jobs.extract.GridWatermarks;
import io.shequ.schemas.fault.PausePoint;

/**
 * Commits what one run took from the grid system, once the run has written the lake: first its
 * merged state becomes current, then the watermarks move. In that order a crash between the two
 * leaves the old watermarks, so the next run re-reads rows already merged, which changes nothing;
 * the reverse order could skip rows for good.
 */
public final class GridRunCommit {

    private final GridMirror mirror;
    private final GridWatermarks watermarks;

    public GridRunCommit(GridMirror mirror, GridWatermarks watermarks) {
        this.mirror = mirror;
        this.watermarks = watermarks;
    }

    /**
     * Fails, committing nothing, when the run wrote no merged state: moving the watermarks would lose
     * rows. A run whose increment changed nothing in the state ({@code stateUnchanged}) wrote none
     * and needs none: the current state already holds every row it read.
     */
    public void commit(String runId, GridExtract extract, boolean stateUnchanged) {
        if (!stateUnchanged) {
            mirror.promote(runId);
        }
        PausePoint.reach(PausePoint.GRID_COMMIT);
        watermarks.commit(runId, extract.watermarkCandidates());
    }
}
