package io.shequ.orchestration.cli;

import io.shequ.jobs.partition.RunScope;
import io.shequ.jobs.partition.ScopePlanner;
import io.shequ.orchestration.runtime.PipelineRuntime;

/** Runs a backfill or retry scope, or says there is nothing to do. */
final class ScopedRun {

    private ScopedRun() {}

    static int run(PipelineRuntime runtime, RunScope scope, String what) throws Exception {
        if (ScopePlanner.isEmpty(scope)) {
            System.out.println(what + ": no partition to reprocess");
            return 0;
        }
        scope.files()
                .forEach(
                        (source, files) -> System.out.println(what + ": " + source + ", " + files.size() + " file(s)"));
        if (scope.readsGrid()) {
            System.out.println(
                    what + ": grid_system, updated_at from " + scope.gridFrom() + " until " + scope.gridUntil());
        }
        PipelineRuntime.Outcome outcome = runtime.runOnce(scope);
        RunOutcomePrinter.print(outcome, System.out);
        return outcome.exitCode();
    }
}
