package io.shequ.jobs.pipeline.steps;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.year;

import io.shequ.jobs.conform.CommunityReportKeys;
import io.shequ.jobs.conform.ConformOutcome;
import io.shequ.jobs.conform.DivisionResolver;
import io.shequ.jobs.conform.DivisionsToDimension;
import io.shequ.jobs.conform.NbsRelease;
import io.shequ.jobs.conform.ProvidersToOrganizations;
import io.shequ.jobs.conform.ResolverUdfs;
import io.shequ.jobs.conform.ServiceContractKeys;
import io.shequ.jobs.conform.StagedContractsToFacts;
import io.shequ.jobs.conform.StagedReportsToFacts;
import io.shequ.jobs.conform.TaxonomyToDimension;
import io.shequ.jobs.conform.YearsToDates;
import io.shequ.jobs.dimension.LakeDimensions;
import io.shequ.jobs.gridstate.ClearReporterMigration;
import io.shequ.jobs.gridstate.GridMirror;
import io.shequ.jobs.gridstate.GridState;
import io.shequ.jobs.privacy.Pseudonymizer;
import io.shequ.jobs.privacy.ReportersToPseudonyms;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.spark.ShufflePartitions;
import io.shequ.jobs.stage.HomeTaxonomies;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.value.LakeValues;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import io.shequ.schemas.division.NbsDivisions;
import io.shequ.schemas.name.DivisionAliases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 4: resolve names to NBS codes, build dim_division and one fact table per source kind,
 * pseudonymize people. Output: conformed Parquet per table under work/&lt;run-id&gt;/conformed.
 */
public final class ConformStep implements Tasklet {

    private final PipelineSettings settings;
    private final SparkSession spark;

    public ConformStep(PipelineSettings settings, SparkSession spark) {
        this.settings = settings;
        this.spark = spark;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(chunkContext, settings.home());
        Path staging = run.staging();
        Path conformed = run.conformed();
        Quarantine quarantine = new Quarantine(run.quarantine(), run.id());
        // the grid increment is merged into the whole mirror
        ShufflePartitions.sizeFor(
                spark,
                settings.spark().shufflePartitions(),
                staging,
                run.layout().gridMirror());

        // the whole of every city a configured district belongs to, so city-level unit counts are complete
        List<DivisionCode> cities = settings.districts().stream()
                .map(d -> d.ancestor(DivisionLevel.CITY))
                .distinct()
                .toList();
        NbsDivisions nbs = settings.reference().nbsDivisions() == null
                ? NbsDivisions.bundled2023(cities)
                : NbsDivisions.fromFolder(settings.reference().nbsDivisions(), cities);
        // the curated aliases, with the user's confirmed names in <home>/reference/ on top
        DivisionAliases aliases =
                DivisionAliases.bundledWithUser(run.layout().reference().resolve(DivisionAliases.FILE_NAME));
        ResolverUdfs.register(spark, new DivisionResolver(nbs, settings.districts(), aliases));
        ReportersToPseudonyms reporters = new ReportersToPseudonyms(new Pseudonymizer(settings.pseudonymKey()));

        ConformOutcome counts = new ConformOutcome();
        // a mirror an earlier release wrote keeps reporters in clear: rewritten on the first run, grid or not
        GridMirror mirror = new GridMirror(run.layout().gridMirror());
        counts.gridMirrorPseudonymized(new ClearReporterMigration(spark, reporters).migrate(mirror));
        LocalDate runDate = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LakeDimensions lakeDims = new LakeDimensions(spark);
        write(
                new DivisionsToDimension(spark)
                        .apply(
                                nbs,
                                cities,
                                lakeDims.current(DivisionsToDimension.TABLE, DivisionsToDimension.KEY),
                                NbsRelease.date(settings.reference().nbsDivisions(), runDate)),
                conformed,
                DivisionsToDimension.TABLE,
                counts);
        Dataset<Row> divisions = read(conformed, DivisionsToDimension.TABLE);
        TaxonomyToDimension taxonomies = new TaxonomyToDimension(spark, HomeTaxonomies.of(settings.home()));
        for (TaxonomyToDimension.Kind kind : TaxonomyToDimension.Kind.values()) {
            write(taxonomies.apply(kind), conformed, kind.table, counts);
        }
        List<Dataset<Row>> factYears = new ArrayList<>();
        if (Files.exists(staging.resolve("community_reports"))) {
            StagedReportsToFacts.Result r = new StagedReportsToFacts().apply(read(staging, "community_reports"));
            write(new CommunityReportKeys(divisions).apply(r.facts()), conformed, "fct_community_reports", counts);
            factYears.add(read(conformed, "fct_community_reports")
                    .select(year(col("period_end")).as("year")));
            counts.rows("community_reports_unresolved", quarantine.write("conform_community_reports", r.rejected()));
            r.superseded()
                    .write()
                    .mode("overwrite")
                    .parquet(conformed
                            .resolve(LakeValues.superseded("community_reports"))
                            .toString());
            counts.resolution(Source.STREET_OFFICES.id(), r.resolution());
        }
        if (Files.exists(staging.resolve("service_contracts"))) {
            StagedContractsToFacts.Result r = new StagedContractsToFacts().apply(read(staging, "service_contracts"));
            Dataset<Row> facts = r.facts().cache();
            write(
                    new ProvidersToOrganizations()
                            .apply(
                                    facts,
                                    lakeDims.current(ProvidersToOrganizations.TABLE, ProvidersToOrganizations.KEY),
                                    runDate),
                    conformed,
                    ProvidersToOrganizations.TABLE,
                    counts);
            write(
                    new ServiceContractKeys(new ServiceContractKeys.Dims(
                                    read(conformed, ProvidersToOrganizations.TABLE),
                                    divisions,
                                    read(conformed, TaxonomyToDimension.Kind.SERVICE_CATEGORY.table)))
                            .apply(facts),
                    conformed,
                    "fct_service_contracts",
                    counts);
            facts.unpersist();
            factYears.add(read(conformed, "fct_service_contracts")
                    .select(year(col("signed_date")).as("year")));
            counts.rows("service_contracts_unresolved", quarantine.write("conform_service_contracts", r.rejected()));
            r.superseded()
                    .write()
                    .mode("overwrite")
                    .parquet(conformed
                            .resolve(LakeValues.superseded("service_contracts"))
                            .toString());
            counts.resolution(Source.PROCUREMENT.id(), r.resolution());
        }
        if (Files.exists(staging.resolve(GridState.EVENT))) {
            GridConform.Dims keyDims = new GridConform.Dims(
                    divisions,
                    read(conformed, TaxonomyToDimension.Kind.EVENT_CATEGORY.table),
                    read(conformed, TaxonomyToDimension.Kind.EVENT_CHANNEL.table));
            if (new GridConform(spark, mirror, reporters, settings.home())
                    .conform(
                            run.id(),
                            staging,
                            conformed,
                            keyDims,
                            quarantine,
                            new GridConform.TableWriter() {
                                @Override
                                public void write(Dataset<Row> rows, String table) {
                                    ConformStep.this.write(rows, conformed, table, counts);
                                }

                                @Override
                                public void count(String table) {
                                    counts.rows(table, read(conformed, table).count());
                                }
                            },
                            counts)) {
                factYears.add(read(conformed, GridConform.FACTS)
                        .select(year(col("reported_at")).as("year")));
            }
        }
        // every day of every year a fact touches, now or in an earlier run, so date keys always resolve
        Dataset<Row> earlierDates = lakeDims.current(YearsToDates.TABLE, YearsToDates.KEY);
        if (earlierDates != null) {
            factYears.add(earlierDates.select(col("year")));
        }
        if (!factYears.isEmpty()) {
            write(
                    new YearsToDates()
                            .apply(factYears.stream().reduce(Dataset::union).orElseThrow()),
                    conformed,
                    YearsToDates.TABLE,
                    counts);
        }
        ConformOutcome.LEDGER.write(run.ledger(), counts);
        return RepeatStatus.FINISHED;
    }

    private Dataset<Row> read(Path staging, String dataset) {
        return spark.read().parquet(staging.resolve(dataset).toString());
    }

    private void write(Dataset<Row> rows, Path conformed, String table, ConformOutcome counts) {
        String target = conformed.resolve(table).toString();
        rows.write().mode("overwrite").parquet(target);
        counts.rows(table, spark.read().parquet(target).count());
    }
}
