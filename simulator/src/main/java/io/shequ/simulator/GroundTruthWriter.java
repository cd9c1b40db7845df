package io.shequ.simulator;

import io.shequ.schemas.home.OwnerOnly;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Writes what the simulated sources mean, for tests to hold the pipeline to. Never read by the pipeline. */
final class GroundTruthWriter {

    static final String FOLDER = "ground-truth";

    /**
     * Where one community row of a report landed and what it means. {@code field} (the contract field
     * of the bad cell, empty for a whole-file reject) and {@code rule} are null when staged; {@code clean}
     * holds the value staging must yield for the name and each figure (empty for a null), in the order of
     * {@link #REPORT_VALUE_COLUMNS}; the {@code ;}-separated lists name the fields staged as null with a
     * note, those staged with an approximation note, and the mess kinds of the row.
     */
    record ReportRow(
            String file,
            String sheet,
            int line,
            String streetCode,
            String writtenName,
            String communityCode,
            String period,
            String outcome,
            String field,
            String rule,
            List<String> clean,
            String nullFields,
            String approximateFields,
            String mess) {
        List<String> cells() {
            List<String> cells = new ArrayList<>(List.of(
                    file,
                    nz(sheet),
                    String.valueOf(line),
                    streetCode,
                    writtenName,
                    communityCode,
                    period,
                    outcome,
                    nz(field),
                    nz(rule)));
            cells.addAll(clean);
            cells.addAll(List.of(nullFields, approximateFields, mess));
            return cells;
        }
    }

    /**
     * One source file and what becomes of it: {@code loaded}, {@code superseded} (by {@code related}, a
     * corrected resubmission), {@code duplicate} (of {@code related}, the same bytes first in path
     * order) or {@code quarantined} (whole, by {@code rule}); {@code mess} lists its file-level kinds.
     */
    record FileRow(
            String file,
            String kind,
            String streetCode,
            String period,
            String format,
            String mess,
            String outcome,
            String related,
            String rule,
            int rows) {
        List<String> cells() {
            return List.of(
                    file,
                    kind,
                    nz(streetCode),
                    nz(period),
                    format,
                    mess,
                    outcome,
                    nz(related),
                    nz(rule),
                    String.valueOf(rows));
        }
    }

    /** The name column and the figures, by the street-office report contract's field names. */
    static final List<String> REPORT_VALUE_COLUMNS = List.of(
            "community_name",
            "households",
            "registered_population",
            "resident_population",
            "fulltime_staff",
            "social_workers",
            "office_area_m2",
            "volunteers",
            "social_orgs",
            "consult_platforms",
            "consult_meetings",
            "matters_public",
            "matters_livelihood",
            "matters_disputes");

    /**
     * One ledger row and what it means. Rule and amount may be empty; {@code supersededBy} names the
     * amendment file whose row replaces this one (empty for the effective row of its 项目编号); the
     * credit code is normalised; the signed date is ISO at its precision (2023-03 for month); the
     * forms say how the row is written ({@link AmountForm}, {@link DateForm}, {@link CreditCodeForm},
     * {@link ServedForm}).
     */
    record ContractRow(
            String file,
            int line,
            String projectNo,
            String outcome,
            String rule,
            String amountYuan,
            String servedWritten,
            String servedCodes,
            String servedLevel,
            String category,
            String signedDate,
            String serviceStart,
            String serviceEnd,
            String providerCreditCode,
            String supersededBy,
            String signedPrecision,
            String amountForm,
            String dateForm,
            String creditCodeForm,
            String servedForm,
            String sheet,
            String categoryOutcome,
            String signedWritten) {
        List<String> cells() {
            return List.of(
                    file,
                    String.valueOf(line),
                    projectNo,
                    outcome,
                    nz(rule),
                    nz(amountYuan),
                    servedWritten,
                    servedCodes,
                    servedLevel,
                    category,
                    signedDate,
                    serviceStart,
                    serviceEnd,
                    providerCreditCode,
                    nz(supersededBy),
                    signedPrecision,
                    amountForm,
                    dateForm,
                    creditCodeForm,
                    servedForm,
                    nz(sheet),
                    categoryOutcome,
                    nz(signedWritten));
        }
    }

    /**
     * A header {@link MessKind#NOVEL_HEADERS} wrote in every file of a street: the contract field it must be
     * read as ({@code variant}, with a note) or none ({@code unknown}: reported, its column not read).
     */
    record HeaderRow(String source, String street, String header, String field, String outcome) {
        List<String> cells() {
            return List.of(source, street, header, nz(field), outcome);
        }
    }

    /**
     * An entry of a source folder that is no source file ({@link MessKind#STRAY_ENTRIES}) and the rule that
     * must refuse it: hidden_file, outside_source (a link out of the folder, never followed) or link_loop.
     */
    record StrayRow(String entry, String what, String rule) {
        List<String> cells() {
            return List.of(entry, what, rule);
        }
    }

    /** One grid event at the default as-of and what it means; rule empty when staged, notes {@code ;}-separated. */
    record GridEventRow(
            String eventId,
            String gridCode,
            String communityCode,
            String categoryCode,
            String channel,
            String status,
            String reportedAt,
            String closedAt,
            boolean registered,
            boolean closed,
            boolean voided,
            String outcome,
            String rule,
            String notes) {
        List<String> cells() {
            return List.of(
                    eventId,
                    gridCode,
                    communityCode,
                    categoryCode,
                    channel,
                    status,
                    reportedAt,
                    nz(closedAt),
                    String.valueOf(registered),
                    String.valueOf(closed),
                    String.valueOf(voided),
                    outcome,
                    nz(rule),
                    nz(notes));
        }
    }

    /** One flow row the pipeline must reject, and the rule. */
    record FlowRejectRow(String eventId, int seq, String rule) {
        List<String> cells() {
            return List.of(eventId, String.valueOf(seq), rule);
        }
    }

    private static final List<String> REPORT_HEADER = Stream.of(
                    List.of(
                            "file",
                            "sheet",
                            "line",
                            "street_code",
                            "written_name",
                            "community_code",
                            "period",
                            "outcome",
                            "field",
                            "rule"),
                    REPORT_VALUE_COLUMNS,
                    List.of("null_fields", "approximate_fields", "mess"))
            .flatMap(List::stream)
            .toList();
    private static final List<String> FILE_HEADER =
            List.of("file", "kind", "street_code", "period", "format", "mess", "outcome", "related", "rule", "rows");
    private static final List<String> CONTRACT_HEADER = List.of(
            "file",
            "line",
            "project_no",
            "outcome",
            "rule",
            "amount_yuan",
            "served_written",
            "served_codes",
            "served_level",
            "category",
            "signed_date",
            "service_start",
            "service_end",
            "provider_credit_code",
            "superseded_by",
            "signed_precision",
            "amount_form",
            "date_form",
            "credit_code_form",
            "served_form",
            "sheet",
            "category_outcome",
            "signed_written");
    private static final List<String> HEADER_HEADER = List.of("source", "street", "header", "field", "outcome");
    private static final List<String> STRAY_HEADER = List.of("entry", "what", "rule");

    private static final List<String> GRID_EVENT_HEADER = List.of(
            "event_id",
            "grid_code",
            "community_code",
            "category_code",
            "channel",
            "status",
            "reported_at",
            "closed_at",
            "is_registered",
            "is_closed",
            "is_voided",
            "outcome",
            "rule",
            "notes");
    private static final List<String> FLOW_REJECT_HEADER = List.of("event_id", "seq", "rule");

    private static final String README = """
            # Ground truth of the simulated sources

            These files say what the simulated sources mean and are never read by the pipeline: \
            `files.csv` lists every street-office report and ledger file (`kind` report or ledger) with its \
            street code and period (month 2023-01 or quarter 2023Q1), format (xlsx, csv-utf-8, csv-utf-8-bom, \
            csv-gbk, csv-gb18030), its file-level mess kinds (`;`-separated MessKind options), the rows staging \
            reads from it, and its `outcome`: `loaded`, `superseded` (`related` is the corrected resubmission, \
            later modified, that replaces it), `duplicate` (`related` is the file with the same bytes that \
            comes first in path order and is loaded once; never an empty file) or `quarantined` whole (`rule`: unreadable_file, \
            empty_file, no_header, unknown_street_office, unknown_period). `report-rows.csv` has one row per \
            community row staging reads from a report (duplicates and unreadable files have none; `file` \
            relative to the output folder; `sheet` the XLSX sheet holding the table; `line` the CSV line \
            counting the header as 1, or the XLSX sheet row counting the title as 1), the 12-digit street and \
            community codes the written name stands for, the period, whether the row is `staged` or \
            `quarantined` (then the contract `field` of the bad cell and the reject `rule`: negative_value, \
            not_a_number, out_of_range, or the whole file's rule), then the clean value staging must yield \
            for every contract field (the name stripped of outer spaces; empty where the cell is a \
            placeholder such as —, /, 暂无, 无 or blank: null, never zero), `null_fields` (staged as null with \
            a note), `approximate_fields` (约300: staged with an approximation note) and the row's `mess` \
            kinds. A superseded file's rows are staged too; the corrected file's rows are the truth. 合计 and \
            footer rows are not listed because they are not communities. \
            `contracts.csv` has one row per procurement-ledger row (`line` as for reports; amendment files \
            included) with its outcome and reject rule, the amount in yuan, the served communities as 12-digit \
            codes (or the street's code for 全街道 and XX街道各社区, the district's for 全区) and their level, the \
            category, the signed date at its precision (`signed_precision` day or month), the service period, \
            the provider's credit code normalised, `superseded_by` (the amendment file whose row with the same \
            项目编号 replaces this one; empty for the effective row) and the forms the row is written in \
            (`amount_form`, `date_form`, `credit_code_form`, `served_form`), the XLSX `sheet` holding the row, \
            `category_outcome` (`taxonomy`, or `other`: a category outside the taxonomy that must count under other \
            with its money) and `signed_written` (an implausible signed date written instead of the true one, \
            quarantined as implausible_date). `novel-headers.csv` (when headers were respelled) lists per street \
            each header written and the field it must be read as (`variant`) or none (`unknown`: to be reported); \
            `stray-entries.csv` lists entries of a source folder that are no source, with the rule that refuses \
            each; `resent/` holds a ledger sent again later without two contracts and the truth after it: copy it \
            over the output folder. `grid-events.csv` has one \
            row per grid event the database holds as of 1 January 00:00 of the next year (the default as-of): \
            the grid code as written, the 12-digit community code the grid stands for (also when the grid row \
            is missing), category, channel, the status the vendor derives from the latest flow in time, the \
            true reported and closed times (`yyyy-MM-dd HH:mm:ss`), whether it is registered, closed or \
            voided, the `outcome` (`staged`, or `quarantined` with `rule` future_timestamp when the vendor \
            clock, a century ahead, wrote reported_at and updated_at after the as-of instant and after any real \
            extraction) and `notes`, `;`-separated: \
            invalid_id_number or malformed_phone (the identifier is nulled, the event staged), orphan_grid \
            (the grid row is not there yet), flow_out_of_order (seq numbers disagree with acted_at order), \
            flow_duplicated. `grid-flow-rejects.csv` lists each duplicated flow row (event_id, seq, rule \
            duplicate_row): the same action and acted_at again under a higher seq; the lowest seq is the one \
            to keep. The database itself holds what the vendor system holds; connect with the URL and user \
            the simulator returns (the password is returned to the caller only).
            """;

    private GroundTruthWriter() {}

    static void write(Path out, int year, List<ReportRow> reports, List<ContractRow> contracts) throws IOException {
        Path folder = OwnerOnly.createDirectories(out.resolve(FOLDER));
        writeCsv(
                folder.resolve("report-rows.csv"),
                REPORT_HEADER,
                reports.stream().map(ReportRow::cells));
        writeCsv(
                folder.resolve("contracts.csv"),
                CONTRACT_HEADER,
                contracts.stream().map(ContractRow::cells));
        OwnerOnly.writeString(folder.resolve("README.md"), README);
        LocalDateTime dated = LocalDate.of(year + 1, 1, 1).atStartOfDay();
        for (String name : List.of("report-rows.csv", "contracts.csv", "README.md")) {
            DatedFiles.stamp(folder.resolve(name), dated);
        }
    }

    /**
     * Writes what the mess kinds the pipeline was never shown put in: {@code novel-headers.csv} and
     * {@code stray-entries.csv}, dated like the other truth files; neither is written when empty.
     */
    static void writeNovelties(Path out, int year, List<HeaderRow> headers, List<StrayRow> strays) throws IOException {
        Path folder = OwnerOnly.createDirectories(out.resolve(FOLDER));
        LocalDateTime dated = LocalDate.of(year + 1, 1, 1).atStartOfDay();
        if (!headers.isEmpty()) {
            writeCsv(
                    folder.resolve("novel-headers.csv"),
                    HEADER_HEADER,
                    headers.stream().map(HeaderRow::cells));
            DatedFiles.stamp(folder.resolve("novel-headers.csv"), dated);
        }
        if (!strays.isEmpty()) {
            writeCsv(
                    folder.resolve("stray-entries.csv"),
                    STRAY_HEADER,
                    strays.stream().map(StrayRow::cells));
            DatedFiles.stamp(folder.resolve("stray-entries.csv"), dated);
        }
    }

    /** Writes {@code files.csv}, dated like the other truth files. */
    static void writeFiles(Path out, int year, List<FileRow> files) throws IOException {
        Path folder = OwnerOnly.createDirectories(out.resolve(FOLDER));
        writeCsv(folder.resolve("files.csv"), FILE_HEADER, files.stream().map(FileRow::cells));
        DatedFiles.stamp(
                folder.resolve("files.csv"), LocalDate.of(year + 1, 1, 1).atStartOfDay());
    }

    /** Writes {@code grid-events.csv} and {@code grid-flow-rejects.csv}, dated like the other truth files. */
    static void writeGridEvents(Path out, int year, List<GridEventRow> events, List<FlowRejectRow> flowRejects)
            throws IOException {
        Path folder = OwnerOnly.createDirectories(out.resolve(FOLDER));
        writeCsv(
                folder.resolve("grid-events.csv"),
                GRID_EVENT_HEADER,
                events.stream().map(GridEventRow::cells));
        writeCsv(
                folder.resolve("grid-flow-rejects.csv"),
                FLOW_REJECT_HEADER,
                flowRejects.stream().map(FlowRejectRow::cells));
        LocalDateTime dated = LocalDate.of(year + 1, 1, 1).atStartOfDay();
        for (String name : List.of("grid-events.csv", "grid-flow-rejects.csv")) {
            DatedFiles.stamp(folder.resolve(name), dated);
        }
    }

    /** Streams the rows to {@code file} line by line: a city's grid events do not fit in memory as one text. */
    private static void writeCsv(Path file, List<String> header, Stream<List<String>> rows) throws IOException {
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(OwnerOnly.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            for (List<String> cells : (Iterable<List<String>>) Stream.concat(Stream.of(header), rows)::iterator) {
                out.write(cells.stream().map(GroundTruthWriter::quote).collect(Collectors.joining(",")));
                out.write('\n');
            }
        }
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
