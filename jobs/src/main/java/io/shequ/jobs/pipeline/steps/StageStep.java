package io.shequ.jobs.pipeline.steps;

import io.shequ.jobs.admit.Readmission;
import io.shequ.jobs.admit.StagedCorrections;
import io.shequ.jobs.extract.GridExtract;
import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.extract.LandingManifest;
import io.shequ.jobs.extract.UnchangedSource;
import io.shequ.jobs.run.ExitCodes;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.settings.AdmitSettings;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.spark.ShufflePartitions;
import io.shequ.jobs.stage.HomeContracts;
import io.shequ.jobs.stage.HomeTaxonomies;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.stage.SourceFinding;
import io.shequ.jobs.stage.UnmappedTaxonomyValues;
import io.shequ.jobs.stage.WholeFileRejects;
import io.shequ.jobs.stage.grid.GridStaging;
import io.shequ.jobs.stage.ledger.ProcurementLedgerStaging;
import io.shequ.jobs.stage.report.StreetOfficeReportStaging;
import io.shequ.jobs.stage.table.ContractFieldHistory;
import io.shequ.jobs.stage.table.RowCorrections;
import io.shequ.jobs.value.ValueAccount;
import io.shequ.jobs.value.ValueLedger;
import io.shequ.schemas.contract.SourceContract;
import io.shequ.schemas.fault.PausePoint;
import io.shequ.schemas.home.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step 2: parse and type each landed source in Spark; bad rows to quarantine; every row accounted for. */
public final class StageStep implements Tasklet {

    private final PipelineSettings settings;
    private final SparkSession spark;
    private final LandingManifest manifest;

    private final AdmitSettings admit;

    public StageStep(PipelineSettings settings, SparkSession spark, LandingManifest manifest) {
        this(settings, spark, manifest, AdmitSettings.defaultFor(settings.home()));
    }

    public StageStep(PipelineSettings settings, SparkSession spark, LandingManifest manifest, AdmitSettings admit) {
        this.settings = settings;
        this.spark = spark;
        this.manifest = manifest;
        this.admit = admit;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        RunContext run = RunContext.of(chunkContext, settings.home());
        ShufflePartitions.sizeFor(spark, settings.spark().shufflePartitions(), run.landingTables());
        Map<String, List<LandedSource>> landed = LandedSource.LANDED
                .read(run.ledger())
                .orElseThrow(() -> new IllegalStateException("run " + run.id() + ": extract left no landed sources"));
        Path staging = run.staging();
        Quarantine quarantine = new Quarantine(run.quarantine(), run.id());
        List<SourceAccount> accounts = new ArrayList<>();
        // corrected quarantine rows from the admit folder, staged in place of the rows they correct
        Readmission readmission = new Readmission(run.layout(), admit.folder(), run.id());
        RowCorrections corrections = readmission.begin();
        List<SourceFinding> findings = new ArrayList<>();
        List<ValueAccount> values = new ArrayList<>();
        HomeTaxonomies taxonomies = HomeTaxonomies.of(settings.home());
        if (landed.containsKey(Source.STREET_OFFICES.id())) {
            StreetOfficeReportStaging reports = new StreetOfficeReportStaging(
                            spark, contract(SourceContract.STREET_OFFICE_REPORT))
                    .correcting(corrections)
                    .comparingFields(fieldHistory(run.layout(), Source.STREET_OFFICES.id(), run.id()));
            accounts.addAll(reports.stage(landed.get(Source.STREET_OFFICES.id()), staging, quarantine));
            findings.addAll(reports.findings());
            values.addAll(reports.values());
        }
        PausePoint.reach(PausePoint.STAGE_MIDWAY);
        if (landed.containsKey(Source.PROCUREMENT.id())) {
            ProcurementLedgerStaging ledgers = new ProcurementLedgerStaging(
                            spark,
                            contract(SourceContract.PROCUREMENT_LEDGER),
                            taxonomies.load(ProcurementLedgerStaging.SERVICE_CATEGORIES))
                    .correcting(corrections)
                    .comparingFields(fieldHistory(run.layout(), Source.PROCUREMENT.id(), run.id()));
            accounts.addAll(ledgers.stage(landed.get(Source.PROCUREMENT.id()), staging, quarantine));
            findings.addAll(ledgers.findings());
            values.addAll(ledgers.values());
            Dataset<Row> contracts = spark.read()
                    .parquet(staging.resolve(ProcurementLedgerStaging.DATASET).toString());
            findings.addAll(new UnmappedTaxonomyValues(
                            Source.PROCUREMENT.id(), taxonomies.load(ProcurementLedgerStaging.SERVICE_CATEGORIES))
                    .apply(contracts, "service_category", "contract_amount"));
            findings.addAll(new UnmappedTaxonomyValues(Source.PROCUREMENT.id(), taxonomies.load("evaluation-grades"))
                    .apply(contracts, "evaluation_grade", "contract_amount"));
        }
        if (landed.containsKey(Source.GRID_SYSTEM.id())) {
            GridExtract extract = GridExtract.LEDGER
                    .read(run.ledger())
                    .orElseThrow(() ->
                            new IllegalStateException("run " + run.id() + ": the grid was landed without its extract"));
            accounts.addAll(
                    new GridStaging(spark).stage(run.landingTables(), staging, quarantine, extract.startedAt()));
            Path events = staging.resolve("event");
            if (Files.exists(events)) {
                Dataset<Row> staged = spark.read().parquet(events.toString());
                findings.addAll(new UnmappedTaxonomyValues(Source.GRID_SYSTEM.id(), taxonomies.load("event-categories"))
                        .apply(staged, "category_code", null));
                findings.addAll(new UnmappedTaxonomyValues(Source.GRID_SYSTEM.id(), taxonomies.load("event-channels"))
                        .apply(staged, "channel", null));
            }
        }
        writeFindings(staging.resolve(SourceFinding.DATASET), findings);
        SourceFinding.LEDGER.write(run.ledger(), findings);
        manifest.recordAccounts(run.id(), accounts);
        SourceAccount.SOURCES.write(run.ledger(), accounts);
        new ValueLedger(run.ledger()).write(values);
        // whether a corrected row is re-admitted is decided after the check step (ReadmissionAfterCheck)
        StagedCorrections.LEDGER.write(run.ledger(), readmission.staged());
        List<WholeFileRejects.File> wholeFiles = new ArrayList<>(WholeFileRejects.in(
                spark, quarantine, List.of(StreetOfficeReportStaging.DATASET, ProcurementLedgerStaging.DATASET)));
        // a source not staged again keeps the files its last read quarantined whole, and so the exit code they gave
        for (UnchangedSource unchanged :
                UnchangedSource.LEDGER.read(run.ledger()).orElse(List.of())) {
            WholeFileRejects.LEDGER.read(new RunLedger(run.layout(), unchanged.readBy())).orElse(List.of()).stream()
                    .filter(file -> file.source().equals(unchanged.source()))
                    .forEach(wholeFiles::add);
        }
        WholeFileRejects.LEDGER.write(run.ledger(), wholeFiles);
        if (!wholeFiles.isEmpty() && !settings.sources().tolerateUnreadableFiles()) {
            chunkContext
                    .getStepContext()
                    .getStepExecution()
                    .getJobExecution()
                    .getExecutionContext()
                    .putInt(ExitCodes.INTOLERABLE_FILES, wholeFiles.size());
        }
        contribution.incrementWriteCount(
                accounts.stream().mapToLong(SourceAccount::rowsStaged).sum());
        contribution.incrementFilterCount(
                accounts.stream().mapToLong(SourceAccount::rowsQuarantined).sum());
        return RepeatStatus.FINISHED;
    }

    /** The findings as a staged dataset for the check step's rule files; no folder when there are none. */
    private void writeFindings(Path folder, List<SourceFinding> findings) throws IOException {
        FileTrees.delete(folder);
        if (!findings.isEmpty()) {
            spark.createDataFrame(SourceFinding.rows(findings), SourceFinding.SCHEMA)
                    .coalesce(1)
                    .write()
                    .parquet(folder.toString());
        }
    }

    private static ContractFieldHistory fieldHistory(HomeLayout layout, String source, String runId) {
        return new ContractFieldHistory(
                layout.state().resolve("contract-fields").resolve(source + ".json"), runId);
    }

    /** A user's contract file in the home's contracts/ folder wins over the bundled one. */
    private SourceContract contract(String bundled) {
        return new HomeContracts(settings.home()).load(bundled);
    }
}
