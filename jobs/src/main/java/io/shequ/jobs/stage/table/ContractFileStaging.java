package io.shequ.jobs.stage.table;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.run.FileProgress;
import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.stage.SourceFinding;
import io.shequ.jobs.value.ValueAccount;
import io.shequ.schemas.contract.HeaderIssue;
import io.shequ.schemas.contract.RejectRule;
import io.shequ.schemas.contract.SourceContract;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Stages the landed files of one file source under its contract: reads each file once, finds
 * the contract table, types every row in Spark, writes staged rows as Parquet and rejected
 * rows (and files that cannot be read at all) to quarantine, and accounts for every row.
 */
public final class ContractFileStaging {

    /** What a source adds to each row from the file as a whole (e.g. the report's street and period). */
    public interface FileContext {
        StructType schema();

        /** Context values for the file; throws with a reason when the file as a whole is unusable. */
        List<Object> values(LandedSource file, LocatedTable table) throws Rejected;

        /** The office that sent the file, from its context values; null when the source does not say. */
        default String office(List<Object> values) {
            return null;
        }
    }

    /** A whole file refused, with the rule it broke. */
    public static final class Rejected extends Exception {
        private final RejectRule rule;

        public Rejected(RejectRule rule, String reason) {
            super(reason);
            this.rule = rule;
        }

        public RejectRule rule() {
            return rule;
        }
    }

    /**
     * Columns every staged row carries from its file: where it came from, and the two times that
     * order resubmissions (a later arrival wins; among files that arrived together, the later
     * modification).
     */
    public static final StructType BASE = new StructType()
            .add("source_file", DataTypes.StringType, false)
            .add("source_sheet", DataTypes.StringType, true)
            .add("source_line", DataTypes.IntegerType, false)
            .add("modified_millis", DataTypes.LongType, false)
            .add("arrived_millis", DataTypes.LongType, false);

    private final SparkSession spark;
    private final SourceContract contract;
    private final String keyField;
    private RowCorrections corrections = RowCorrections.NONE;
    private ContractFieldHistory fieldHistory;
    private final List<SourceFinding> findings = new ArrayList<>();
    private final List<ValueAccount> values = new ArrayList<>();

    public ContractFileStaging(SparkSession spark, SourceContract contract, String keyField) {
        this.spark = spark;
        this.contract = contract;
        this.keyField = keyField;
    }

    /** Applies a data engineer's corrected rows (re-admission) to each file before typing. */
    public ContractFileStaging correcting(RowCorrections rowCorrections) {
        this.corrections = rowCorrections;
        return this;
    }

    /** Compares each office's fields with those it supplied in earlier runs (schema drift), and records them. */
    public ContractFileStaging comparingFields(ContractFieldHistory history) {
        this.fieldHistory = history;
        return this;
    }

    /** What the last {@link #stage} noticed about the files' headers and fields. */
    public List<SourceFinding> findings() {
        return List.copyOf(findings);
    }

    /** The value accounting of the last {@link #stage}: per file and numeric field, as read, staged and quarantined. */
    public List<ValueAccount> values() {
        return List.copyOf(values);
    }

    public List<SourceAccount> stage(
            String source,
            List<LandedSource> files,
            FileContext context,
            Path target,
            Quarantine quarantine,
            UnaryOperator<Dataset<Row>> extraRules) {
        findings.clear();
        values.clear();
        StructType contextSchema = BASE;
        for (var field : context.schema().fields()) {
            contextSchema = contextSchema.add(field);
        }
        RawTableRows rawRows = new RawTableRows(contract, contextSchema);
        List<Row> raw = new ArrayList<>();
        List<Row> fileRejects = new ArrayList<>();
        Map<String, Long> read = new HashMap<>();
        Map<String, String> notes = new HashMap<>();
        ContractTableLocator locator = new ContractTableLocator(contract);
        // the files read (neither refused at landing nor a duplicate), parsed ahead in this order
        List<Path> readable = files.stream()
                .filter(f -> !f.isRefused() && !f.isDuplicate())
                .map(f -> Path.of(f.landed()))
                .toList();
        try (FileProgress progress = FileProgress.start("stage " + source, files.size());
                SheetPrefetch sheets = SheetPrefetch.of(readable)) {
            for (LandedSource file : files) {
                progress.starting(file.location());
                if (file.isRefused()) {
                    // refused at landing (hidden, a link outside the folder, another file type): never read
                    RejectRule rule = RejectRule.ofCode(file.refusal().rule());
                    read.put(file.location(), 0L);
                    notes.put(
                            file.location(),
                            "quarantined whole (" + rule.code() + "): "
                                    + file.refusal().reason());
                    fileRejects.add(RowFactory.create(
                            source,
                            file.location(),
                            null,
                            null,
                            null,
                            rule.code(),
                            file.refusal().reason(),
                            null));
                    continue;
                }
                if (file.isDuplicate()) {
                    read.put(file.location(), 0L);
                    notes.put(file.location(), "same bytes as " + file.duplicateOf() + ": loaded once");
                    continue;
                }
                LocatedTables located;
                try {
                    located = locator.locateAll(sheets.next(), keyField);
                } catch (IOException | ContractTableLocator.TableNotFound e) {
                    RejectRule rule = e instanceof ContractTableLocator.TableNotFound missing
                            ? missing.rule()
                            : RejectRule.UNREADABLE_FILE;
                    read.put(file.location(), 0L);
                    notes.put(file.location(), "quarantined whole (" + rule.code() + "): " + e.getMessage());
                    fileRejects.add(RowFactory.create(
                            source, file.location(), null, null, null, rule.code(), e.getMessage(), null));
                    continue;
                }
                read.put(file.location(), located.dataRows());
                List<String> rejectedSheets = new ArrayList<>();
                String office = null;
                for (LocatedTable found : located.tables()) {
                    LocatedTable table = corrections.apply(source, file, found);
                    try {
                        List<Object> values = context.values(file, table);
                        office = office == null ? context.office(values) : office;
                        findings.addAll(headerFindings(source, file.location(), context.office(values), table));
                        HeaderlessCells.of(source, file.location(), context.office(values), table)
                                .ifPresent(findings::add);
                        raw.addAll(rawRows.rows(table, line -> {
                            List<Object> row = new ArrayList<>();
                            row.add(file.location());
                            row.add(table.sheet());
                            row.add(line);
                            row.add(file.modifiedMillis());
                            row.add(file.arrivedMillis());
                            row.addAll(values);
                            return row;
                        }));
                    } catch (Rejected e) {
                        rejectedSheets.add((located.tables().size() > 1 ? "sheet '" + table.sheet() + "' " : "")
                                + "quarantined whole (" + e.rule().code() + "): " + e.getMessage());
                        for (SheetRow row : table.dataRows()) {
                            fileRejects.add(RowFactory.create(
                                    source,
                                    file.location(),
                                    table.sheet(),
                                    Integer.toString(row.line()),
                                    null,
                                    e.rule().code(),
                                    e.getMessage(),
                                    RawTableRows.rawJson(table.header(), row)));
                        }
                    }
                }
                findings.addAll(sheetFindings(source, file.location(), office, located));
                List<String> fileNotes = new ArrayList<>(rejectedSheets);
                located.sheetsWithoutTable().forEach(m -> fileNotes.add(m.message() + ": not read"));
                if (!fileNotes.isEmpty()) {
                    notes.put(file.location(), String.join("; ", fileNotes));
                }
            }
        }
        if (fieldHistory != null) {
            fieldHistory.save();
        }
        NumericReadings readings = new NumericReadings(contract.numericFields(), rawRows.schema());
        raw.forEach(readings::read);
        RawRowsToTyped typer = new RawRowsToTyped(contract);
        Dataset<Row> typed = extraRules.apply(
                typer.apply(spark.createDataFrame(raw, rawRows.schema()), List.of(contextSchema.fieldNames())));
        RawRowsToTyped.Split split = RawRowsToTyped.split(typed, source);
        split.staged().write().mode("overwrite").parquet(target.toString());
        Dataset<Row> rejected = split.rejected().unionByName(spark.createDataFrame(fileRejects, Quarantine.SCHEMA));
        quarantine.write(target.getFileName().toString(), rejected);
        return accounts(
                source, read, notes, target, quarantine, target.getFileName().toString(), readings);
    }

    /** The header issues of one file as findings, and the fields its office supplied before and dropped. */
    private List<SourceFinding> headerFindings(String source, String location, String office, LocatedTable table) {
        List<SourceFinding> out = new ArrayList<>();
        for (HeaderIssue issue : table.mapping().issues()) {
            out.add(new SourceFinding(
                    issue.kind().code(),
                    source,
                    location,
                    office,
                    issue.fields().isEmpty() ? null : String.join(",", issue.fields()),
                    issue.header(),
                    null,
                    null,
                    location + ": " + issue.message()));
        }
        if (fieldHistory != null) {
            String sender = office == null ? source : office;
            List<String> supplied = table.mapping().columns().values().stream()
                    .map(f -> f.name())
                    .toList();
            for (String field : fieldHistory.dropped(sender, supplied)) {
                out.add(new SourceFinding(
                        SourceFinding.SCHEMA_DRIFT,
                        source,
                        location,
                        office,
                        field,
                        null,
                        null,
                        null,
                        location + ": " + (office == null ? "the source" : office) + " supplied " + field
                                + " in earlier files and not in this one"));
            }
            fieldHistory.record(sender, supplied);
        }
        return out;
    }

    /** The sheets of a file that hold no table, and the tables whose header spans several rows. */
    private static List<SourceFinding> sheetFindings(
            String source, String location, String office, LocatedTables located) {
        List<SourceFinding> out = new ArrayList<>();
        for (LocatedTables.SheetWithoutTable sheet : located.sheetsWithoutTable()) {
            out.add(new SourceFinding(
                    sheet.namesFields() ? SourceFinding.INCOMPLETE_TABLE : SourceFinding.SHEET_WITHOUT_TABLE,
                    source,
                    location,
                    office,
                    null,
                    sheet.sheet(),
                    null,
                    null,
                    location + ": " + sheet.message() + "; its rows are not read"));
        }
        for (LocatedTable table : located.tables()) {
            if (table.headerRows() > 1) {
                out.add(new SourceFinding(
                        SourceFinding.MULTI_ROW_HEADER,
                        source,
                        location,
                        office,
                        null,
                        table.sheet(),
                        null,
                        null,
                        location + ": the header of sheet '" + table.sheet() + "' spans " + table.headerRows()
                                + " rows from row " + table.header().line()
                                + "; each column's header cells are read together"));
            }
        }
        return out;
    }

    /** Rows and values per file, from the staged and quarantined outputs in one pass each. */
    private List<SourceAccount> accounts(
            String source,
            Map<String, Long> read,
            Map<String, String> notes,
            Path target,
            Quarantine quarantine,
            String dataset,
            NumericReadings readings) {
        Map<String, Long> staged = new HashMap<>();
        Map<String, BigDecimal[]> stagedSums = new HashMap<>();
        Dataset<Row> stagedRows = spark.read().parquet(target.toString());
        if (stagedRows.columns().length > 0) {
            List<Column> aggregates = new ArrayList<>(List.of(count(lit(1))));
            readings.fieldNames()
                    .forEach(f -> aggregates.add(coalesce(sum(col(f)).cast("decimal(38,2)"), lit(0))));
            for (Row r : stagedRows
                    .groupBy("source_file")
                    .agg(
                            aggregates.get(0),
                            aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                    .collectAsList()) {
                staged.put(r.getString(0), r.getLong(1));
                BigDecimal[] sums = new BigDecimal[readings.fieldNames().size()];
                for (int i = 0; i < sums.length; i++) {
                    sums[i] = r.getDecimal(i + 2);
                }
                stagedSums.put(r.getString(0), sums);
            }
        }
        Dataset<Row> quarantined =
                quarantine.read(spark, dataset).filter(col("line").isNotNull());
        Map<String, Long> rejected = new HashMap<>();
        List<NumericReadings.QuarantinedRow> rejectedRows = new ArrayList<>();
        if (quarantined.columns().length > 0) {
            for (Row r : quarantined.select("location", "sheet", "line", "rule").collectAsList()) {
                rejected.merge(r.getString(0), 1L, Long::sum);
                rejectedRows.add(new NumericReadings.QuarantinedRow(
                        r.getString(0), r.getString(1), r.getString(2), r.getString(3)));
            }
        }
        values.addAll(readings.isEmpty() ? List.of() : readings.accounts(source, stagedSums, rejectedRows));
        List<SourceAccount> accounts = new ArrayList<>();
        read.keySet().stream()
                .sorted()
                .forEach(location -> accounts.add(new SourceAccount(
                        source,
                        location,
                        read.get(location),
                        staged.getOrDefault(location, 0L),
                        rejected.getOrDefault(location, 0L),
                        notes.get(location))));
        return accounts;
    }
}
