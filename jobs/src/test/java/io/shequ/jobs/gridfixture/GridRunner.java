package io.shequ.jobs.gridfixture;

import io.shequ.jobs.extract.GridSystemLanding;
import io.shequ.jobs.extract.GridWatermarks;
import io.shequ.jobs.gridstate.GridMirror;
import io.shequ.jobs.gridstate.GridRunCommit;
import io.shequ.jobs.gridstate.GridState;
import io.shequ.jobs.privacy.Pseudonymizer;
import io.shequ.jobs.privacy.ReportersToPseudonyms;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.settings.GridSource;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.stage.grid.GridStaging;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the grid system's part of a pipeline run the way the steps do (extract, stage, merge,
 * then commit as the lake step does), without the rest of the job: one home, one watermark store.
 */
public final class GridRunner {

    /** What one run did. */
    public record RunResult(GridSystemLanding.Landing landing, List<SourceAccount> accounts, GridState merged) {}

    private static final ReportersToPseudonyms REPORTERS = new ReportersToPseudonyms(
            new Pseudonymizer("a test key that is long enough to be used".getBytes(StandardCharsets.UTF_8)));

    private final SparkSession spark;
    private final HomeLayout layout;
    private final GridWatermarks watermarks;
    private final GridSource source;

    public GridRunner(SparkSession spark, HomeLayout layout, GridWatermarks watermarks, GridSource source) {
        this.spark = spark;
        this.layout = layout;
        this.watermarks = watermarks;
        this.source = source;
    }

    /** One run extracting at {@code extractAt} (vendor wall-clock); committed unless {@code commit} is false. */
    public RunResult run(String runId, LocalDateTime extractAt, boolean commit) throws Exception {
        Clock clock =
                Clock.fixed(extractAt.atZone(GridSystemLanding.VENDOR_ZONE).toInstant(), GridSystemLanding.VENDOR_ZONE);
        GridSystemLanding.Landing landing = new GridSystemLanding(spark, layout, watermarks, clock).land(source, runId);
        List<SourceAccount> accounts = new GridStaging(spark)
                .stage(
                        layout.landingTables(runId),
                        layout.staging(runId),
                        new Quarantine(layout.quarantine(runId), runId),
                        landing.extract().startedAt());
        GridMirror mirror = new GridMirror(layout.gridMirror());
        GridState merged = mirror.merge(spark, runId, layout.staging(runId), REPORTERS);
        if (commit) {
            new GridRunCommit(mirror, watermarks).commit(runId, landing.extract(), false);
        }
        return new RunResult(landing, accounts, merged);
    }
}
