package io.shequ.jobs.partition;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.year;

import io.shequ.jobs.conform.DivisionResolver;
import io.shequ.jobs.conform.Resolution;
import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.stage.WholeFileRejects;
import io.shequ.jobs.stage.ledger.ProcurementLedgerStaging;
import io.shequ.jobs.stage.report.ReportIdentity;
import io.shequ.jobs.stage.report.StreetOfficeReportStaging;
import io.shequ.schemas.division.DivisionCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The partitions one run processed, worked out from what its extract landed, what staging made of
 * each file and which files were quarantined whole. Street-office reports: street office × month,
 * the office resolved to its NBS code (the name as written when it resolves to none), a quarterly
 * report filling each of its three months; the grid system: one partition per day of the events'
 * {@code updated_at} in the run's extract; procurement ledgers: district × year (the district code
 * in the file's path, else the only configured district; the year in its path, else its contracts'
 * latest signing year). A file whose partition cannot be told is a partition of its own,
 * {@code ?/<location>}, so retry still finds it.
 */
public final class RunPartitions {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19|20)\\d{2}(?!\\d)");
    private static final Pattern DISTRICT = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    private final SparkSession spark;
    private final HomeLayout layout;
    private final DivisionResolver resolver;
    private final List<DivisionCode> districts;

    public RunPartitions(
            SparkSession spark, HomeLayout layout, DivisionResolver resolver, List<DivisionCode> districts) {
        this.spark = spark;
        this.layout = layout;
        this.resolver = resolver;
        this.districts = List.copyOf(districts);
    }

    /**
     * @param completed whether the run completed; files that staged in a run that did not are failed
     */
    public List<Partition> of(String runId, String runKind, boolean completed) {
        RunLedger ledger = new RunLedger(layout, runId);
        Optional<Map<String, List<LandedSource>>> landedSection = LandedSource.LANDED.read(ledger);
        if (landedSection.isEmpty()) {
            return List.of();
        }
        Map<String, List<LandedSource>> landed = landedSection.get();
        Map<String, SourceAccount> accounts = new HashMap<>();
        for (SourceAccount a : SourceAccount.SOURCES.read(ledger).orElse(List.of())) {
            accounts.put(a.source() + "|" + a.location(), a);
        }
        Map<String, String> wholeRejects = new HashMap<>();
        for (WholeFileRejects.File f : WholeFileRejects.LEDGER.read(ledger).orElse(List.of())) {
            wholeRejects.put(f.source() + "|" + f.location(), f.rule() + ": " + f.reason());
        }
        List<Partition> out = new ArrayList<>();
        Path staging = layout.staging(runId);
        if (landed.containsKey(Source.STREET_OFFICES.id())) {
            Map<String, List<FilePartitions.Slot>> slots =
                    reportSlots(staging.resolve(StreetOfficeReportStaging.DATASET));
            out.addAll(fold(
                    Source.STREET_OFFICES.id(),
                    landed.get(Source.STREET_OFFICES.id()),
                    slots,
                    accounts,
                    wholeRejects,
                    completed,
                    runId,
                    runKind));
        }
        if (landed.containsKey(Source.PROCUREMENT.id())) {
            Map<String, List<FilePartitions.Slot>> slots =
                    ledgerSlots(landed.get(Source.PROCUREMENT.id()), staging.resolve(ProcurementLedgerStaging.DATASET));
            out.addAll(fold(
                    Source.PROCUREMENT.id(),
                    landed.get(Source.PROCUREMENT.id()),
                    slots,
                    accounts,
                    wholeRejects,
                    completed,
                    runId,
                    runKind));
        }
        if (landed.containsKey(Source.GRID_SYSTEM.id())) {
            out.addAll(gridDays(landed.get(Source.GRID_SYSTEM.id()), completed, runId, runKind));
        }
        return out;
    }

    private List<Partition> fold(
            String source,
            List<LandedSource> files,
            Map<String, List<FilePartitions.Slot>> slots,
            Map<String, SourceAccount> accounts,
            Map<String, String> wholeRejects,
            boolean completed,
            String runId,
            String runKind) {
        FilePartitions partitions = new FilePartitions();
        for (LandedSource file : files) {
            List<FilePartitions.Slot> own = slots.get(file.location());
            if (own == null && file.duplicateOf() != null) {
                own = slots.get(file.duplicateOf());
            }
            String rejected = wholeRejects.get(source + "|" + file.location());
            SourceAccount account = accounts.get(source + "|" + file.location());
            // the file's account, when it has a note, already says why it was quarantined whole
            String reason = account != null && account.note() != null ? null : rejected;
            if (own == null && source.equals(Source.STREET_OFFICES.id())) {
                own = slotsByName(file.location(), reason);
            }
            if (own == null) {
                own = List.of(new FilePartitions.Slot("?/" + file.location(), null, null, null, reason));
            }
            String status = rejected != null ? Partition.QUARANTINED : completed ? Partition.LOADED : Partition.FAILED;
            partitions.add(file, own, status, account);
        }
        return partitions.partitions(source, runId, runKind);
    }

    /** Each staged report file's office × month slots, from the street and period staging read in it. */
    private Map<String, List<FilePartitions.Slot>> reportSlots(Path staged) {
        Map<String, List<FilePartitions.Slot>> slots = new HashMap<>();
        if (!Files.exists(staged)) {
            return slots;
        }
        Map<String, String> streets = new HashMap<>();
        for (Row r : spark.read()
                .parquet(staged.toString())
                .select("source_file", "street_hint", "district_hint", "period", "period_start", "period_end")
                .distinct()
                .collectAsList()) {
            String hint = r.getString(1);
            String district = r.getString(2);
            String street = streets.computeIfAbsent(hint + "|" + district, k -> {
                Resolution resolved = resolver.street(hint, district);
                return resolved.code() != null ? resolved.code() : hint;
            });
            LocalDate start = day(r.get(4));
            LocalDate end = day(r.get(5));
            String note =
                    YearMonth.from(start).equals(YearMonth.from(end)) ? null : "quarterly report " + r.getString(3);
            List<FilePartitions.Slot> own = new ArrayList<>();
            for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
                own.add(new FilePartitions.Slot(street + "/" + m, m.atDay(1), m.atEndOfMonth(), end, note));
            }
            slots.put(r.getString(0), own);
        }
        return slots;
    }

    /** A report staging could not read: its office × month slots from its path alone, when that tells them. */
    private List<FilePartitions.Slot> slotsByName(String location, String note) {
        try {
            ReportIdentity id = ReportIdentity.of(location, "");
            Resolution resolved = resolver.street(id.streetHint(), id.districtHint());
            String street = resolved.code() != null ? resolved.code() : id.streetHint();
            List<FilePartitions.Slot> own = new ArrayList<>();
            for (YearMonth m = YearMonth.from(id.period().start());
                    !m.isAfter(YearMonth.from(id.period().end()));
                    m = m.plusMonths(1)) {
                own.add(new FilePartitions.Slot(
                        street + "/" + m,
                        m.atDay(1),
                        m.atEndOfMonth(),
                        id.period().end(),
                        note));
            }
            return own;
        } catch (ReportIdentity.Unknown e) {
            return null;
        }
    }

    /** Each ledger file's district × year slot. */
    private Map<String, List<FilePartitions.Slot>> ledgerSlots(List<LandedSource> files, Path staged) {
        Map<String, Integer> signedYears = new HashMap<>();
        if (Files.exists(staged)) {
            for (Row r : spark.read()
                    .parquet(staged.toString())
                    .groupBy("source_file")
                    .agg(max(year(col("signed_date"))))
                    .collectAsList()) {
                if (!r.isNullAt(1)) {
                    signedYears.put(r.getString(0), r.getInt(1));
                }
            }
        }
        Map<String, List<FilePartitions.Slot>> slots = new HashMap<>();
        for (LandedSource file : files) {
            Matcher y = YEAR.matcher(file.location());
            Integer ledgerYear = y.find() ? Integer.valueOf(y.group()) : signedYears.get(file.location());
            if (ledgerYear == null) {
                continue;
            }
            Matcher d = DISTRICT.matcher(file.location());
            String district = d.find()
                    ? d.group(1)
                    : districts.size() == 1 ? districts.get(0).value() : "all";
            LocalDate start = LocalDate.of(ledgerYear, 1, 1);
            LocalDate end = LocalDate.of(ledgerYear, 12, 31);
            slots.put(
                    file.location(),
                    List.of(new FilePartitions.Slot(district + "/" + ledgerYear, start, end, end, null)));
        }
        return slots;
    }

    /** One partition per day of {@code updated_at} among the event rows this run extracted. */
    private List<Partition> gridDays(List<LandedSource> tables, boolean completed, String runId, String runKind) {
        LandedSource events = tables.stream()
                .filter(t -> t.location().equals("event"))
                .findFirst()
                .orElse(null);
        if (events == null || !Files.exists(Path.of(events.landed()))) {
            return List.of();
        }
        List<Partition> out = new ArrayList<>();
        for (Row r : spark.read()
                .parquet(events.landed())
                .groupBy(to_date(col("updated_at")).as("day"))
                .agg(count("*"))
                .collectAsList()) {
            if (r.isNullAt(0)) {
                continue;
            }
            LocalDate day = day(r.get(0));
            out.add(new Partition(
                    Source.GRID_SYSTEM.id(),
                    day.toString(),
                    day,
                    day,
                    day,
                    List.of("event"),
                    List.of(events.sha256()),
                    r.getLong(1),
                    Instant.ofEpochMilli(events.arrivedMillis()),
                    completed ? Partition.LOADED : Partition.FAILED,
                    runId,
                    runKind,
                    null));
        }
        return out;
    }

    /** A date column's value, whether Spark hands it over as java.sql.Date or as LocalDate. */
    private static LocalDate day(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
