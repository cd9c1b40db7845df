package io.shequ.jobs.partition;

import io.shequ.jobs.conform.DivisionResolver;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import io.shequ.schemas.division.NbsDivisions;
import io.shequ.schemas.name.DivisionAliases;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * The partitions a run processed ({@link RunPartitions}), worked out once per run and outcome:
 * publishing needs them, as loaded, for the late and missing partitions it records, and the end
 * of the run records them in the partition ledger.
 */
public final class ProcessedPartitions {

    private final PipelineSettings settings;
    private final SparkSession spark;
    private String worked;
    private List<Partition> partitions;

    public ProcessedPartitions(PipelineSettings settings, SparkSession spark) {
        this.settings = settings;
        this.spark = spark;
    }

    /**
     * @param completed whether the run completed; files that staged in a run that did not are failed
     */
    public synchronized List<Partition> of(String runId, String runKind, boolean completed) {
        String key = runId + "|" + runKind + "|" + completed;
        if (!Objects.equals(key, worked)) {
            HomeLayout layout = new HomeLayout(settings.home());
            partitions = new RunPartitions(spark, layout, resolver(layout), settings.districts())
                    .of(runId, runKind, completed);
            worked = key;
        }
        return partitions;
    }

    /** The same street resolution conform uses, so ledger keys are the NBS codes of the facts. */
    private DivisionResolver resolver(HomeLayout layout) {
        List<DivisionCode> cities = settings.districts().stream()
                .map(d -> d.ancestor(DivisionLevel.CITY))
                .distinct()
                .toList();
        NbsDivisions nbs = settings.reference().nbsDivisions() == null
                ? NbsDivisions.bundled2023(cities)
                : NbsDivisions.fromFolder(settings.reference().nbsDivisions(), cities);
        return new DivisionResolver(
                nbs,
                settings.districts(),
                DivisionAliases.bundledWithUser(layout.reference().resolve(DivisionAliases.FILE_NAME)));
    }
}
