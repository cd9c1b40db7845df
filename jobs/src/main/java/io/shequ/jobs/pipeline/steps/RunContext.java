package io.shequ.jobs.pipeline.steps;

import io.shequ.jobs.partition.RunScope;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunIds;
import io.shequ.jobs.run.RunLedger;
import java.nio.file.Path;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * What a step of one run works with, made once at the step's start from Spring Batch's chunk
 * context: the run's id, the home's layout, the run's ledger, and its folders under the home.
 */
record RunContext(String id, HomeLayout layout, RunLedger ledger) {

    static RunContext of(ChunkContext chunk, Path home) {
        String id = RunIds.of(chunk);
        HomeLayout layout = new HomeLayout(home);
        return new RunContext(id, layout, new RunLedger(layout, id));
    }

    /** What the run reads: everything (a plain run), or what a backfill or retry names. */
    RunScope scope() {
        return RunScope.of(layout, id);
    }

    Path landingTables() {
        return layout.landingTables(id);
    }

    Path staging() {
        return layout.staging(id);
    }

    Path quarantine() {
        return layout.quarantine(id);
    }

    Path beforeCheck() {
        return layout.beforeCheck(id);
    }

    Path dqWarned() {
        return layout.dqWarned(id);
    }

    Path conformed() {
        return layout.conformed(id);
    }

    /** {@code runs/<id>/}: the run's summary, ledger and reports. */
    Path folder() {
        return layout.run(id);
    }
}
