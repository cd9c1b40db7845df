package io.shequ.jobs.run;

/**
 * Every section of a run's ledger ({@code runs/<id>/ledger/<key>.json}), in the order the run's
 * {@code summary.json} lists those it carries. One place names them all; a step writes and reads a
 * section only through the {@link LedgerEntry} that the type of its content declares (for example
 * {@code ConformOutcome.LEDGER}), so writer and readers agree on one type, checked by the compiler.
 */
public enum LedgerSection {
    /** Extract: past runs' quarantine folders deleted as older than their days. */
    QUARANTINE_PURGE("quarantine_purge", true),
    /** Extract: past runs' raw zones (landed tables, staging, work) deleted. */
    RAW_PURGE("raw_purge", true),
    /** Extract: file sources not staged again, their inputs being those of an earlier published run. */
    UNCHANGED_SOURCES("unchanged_sources", true),
    /** Stage, then check: rows and files read, staged and quarantined per source file. */
    SOURCES("sources", true),
    /** Stage to lake: the amounts read, staged, quarantined and committed per file. */
    VALUE_ACCOUNTING("value_accounting", true),
    /** Stage: unmapped headers and categories, header variants, schema drift. */
    SOURCE_FINDINGS("source_findings", true),
    /** Stage: files quarantined whole, each with its rule and reason. */
    FILES_QUARANTINED_WHOLE("files_quarantined_whole", true),
    /** Extract: the grid system's window, rows per table and proposed watermarks. */
    GRID_EXTRACT("grid_extract", true),
    /** Check and lake: the outcome of every data-quality rule. */
    DATA_QUALITY("data_quality", true),
    /** Check: datasets the rules found no rows in. */
    DATA_QUALITY_NO_ROWS("data_quality_no_rows", true),
    /** Check and lake: rows judged, quarantined and warned per dataset and stage. */
    DATA_QUALITY_ROWS("data_quality_rows", true),
    /** Check: past runs' warned rows deleted. */
    DQ_WARNED_PURGE("dq_warned_purge", true),
    /** Conform: rows per conformed table, name resolution, the grid state's fate. */
    CONFORM("conform", true),
    /** Lake: what each table committed, or that it was unchanged. */
    LAKE("lake", true),
    /** Publish: the build, the audits, or why the publish was blocked. */
    PUBLISH("publish", true),
    /** Publish: the snapshot made current. */
    PUBLISHED("published", true),
    /** Indicators: rows written to indicators.json. */
    INDICATORS("indicators", true),
    /** Before extract: what a backfill or retry reads (absent for a plain run). */
    SCOPE("scope", true),
    /** After the run: partitions recorded in the partition ledger, by status. */
    PARTITIONS("partitions", true),
    /** After the run: late and missing partitions as of its end. */
    FRESHNESS("freshness", true),
    /** Check and lake: anomalies against earlier runs' metrics, with their history. */
    DQ_ANOMALIES("dq_anomalies", true),
    /** Check: corrected quarantine rows re-admitted, or sent back. */
    READMISSION("readmission", true),

    /** Extract: the files landed per source, for stage. */
    LANDED("landed", false),
    /** Check: {@link #SOURCES} as stage left them, so a restarted check adjusts them once. */
    SOURCES_BEFORE_CHECK("sources_before_check", false),
    /** Stage: the corrected rows read from the admit folder, for check to account. */
    READMISSION_STAGED("readmission_staged", false),
    /** Check and lake: the datasets' metrics, for dq.html and the metric history. */
    DQ_METRICS("dq_metrics", false),
    /** Check: {@link #VALUE_ACCOUNTING} as stage left it, so a restarted check adjusts it once. */
    VALUE_ACCOUNTING_BEFORE_CHECK("value_accounting_before_check", false),
    /** Lake: {@link #VALUE_ACCOUNTING} as check left it, so a restarted lake step adjusts it once. */
    VALUE_ACCOUNTING_BEFORE_LAKE("value_accounting_before_lake", false),
    /** Extract: the fingerprint of each file source a plain run read, recorded by publish once published. */
    SOURCE_FINGERPRINTS("source_fingerprints", false);

    private final String key;
    private final boolean inSummary;

    LedgerSection(String key, boolean inSummary) {
        this.key = key;
        this.inSummary = inSummary;
    }

    /** The section's file name without {@code .json}, and its key in {@code summary.json}. */
    public String key() {
        return key;
    }

    /** Whether the run's {@code summary.json} carries the section. */
    public boolean inSummary() {
        return inSummary;
    }
}
