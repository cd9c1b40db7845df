package io.shequ.simulator;

import io.shequ.schemas.contract.RejectRule;
import io.shequ.simulator.GroundTruthWriter.FileRow;
import io.shequ.simulator.GroundTruthWriter.ReportRow;
import io.shequ.simulator.ReportWriter.WrittenFile;
import io.shequ.simulator.StreetReport.Cell;
import io.shequ.simulator.StreetReport.Damage;
import io.shequ.simulator.StreetReport.Line;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What becomes of every written street-office report, as the pipeline's rules decide it: the same
 * bytes land once (the file first in path order is loaded, the others are duplicates), a file that
 * cannot be read or identified is quarantined whole, a corrected resubmission supersedes the first
 * submission, and each row of a read file is staged or quarantined with its clean values.
 */
final class ReportTruth {

    private final List<WrittenFile> written = new ArrayList<>();

    void add(List<WrittenFile> files) {
        written.addAll(files);
    }

    int fileCount() {
        return written.size();
    }

    /** Files in path order, each with its outcome. */
    List<FileRow> files() {
        Map<WrittenFile, WrittenFile> canonical = canonical();
        Map<String, WrittenFile> corrections = new HashMap<>();
        for (WrittenFile file : sorted()) {
            if (canonical.get(file) == file && !file.report().revision().isEmpty()) {
                corrections.putIfAbsent(key(file.report()), file);
            }
        }
        List<FileRow> rows = new ArrayList<>();
        for (WrittenFile file : sorted()) {
            StreetReport report = file.report();
            WrittenFile loaded = canonical.get(file);
            String outcome;
            String related = null;
            RejectRule rule = null;
            if (loaded != file) {
                outcome = "duplicate";
                related = loaded.relative();
            } else if (report.fileRule() != null) {
                outcome = "quarantined";
                rule = report.fileRule();
            } else if (report.revision().isEmpty() && corrections.containsKey(key(report))) {
                outcome = "superseded";
                related = corrections.get(key(report)).relative();
            } else {
                outcome = "loaded";
            }
            int read = loaded == file && report.damage() == Damage.NONE
                    ? report.lines().size()
                    : 0;
            rows.add(new FileRow(
                    file.relative(),
                    "report",
                    report.street().office().code().value(),
                    report.period().label(),
                    report.format().describe(),
                    options(report.fileMess()),
                    outcome,
                    related,
                    rule == null ? null : rule.code(),
                    read));
        }
        return rows;
    }

    /** Every row staging reads, in path order of the files. */
    List<ReportRow> rows() {
        Map<WrittenFile, WrittenFile> canonical = canonical();
        List<ReportRow> rows = new ArrayList<>();
        for (WrittenFile file : sorted()) {
            StreetReport report = file.report();
            if (canonical.get(file) != file || report.damage() != Damage.NONE) {
                continue;
            }
            RejectRule fileRule = report.fileRule();
            for (int i = 0; i < report.lines().size(); i++) {
                rows.add(row(file, report, report.lines().get(i), file.firstLine() + i, fileRule));
            }
        }
        return rows;
    }

    private static ReportRow row(WrittenFile file, StreetReport report, Line line, int lineNo, RejectRule fileRule) {
        String outcome = fileRule != null || line.bad() ? "quarantined" : "staged";
        String field = fileRule != null ? null : line.badField();
        RejectRule rule = fileRule != null ? fileRule : line.rule();
        List<String> clean = new ArrayList<>();
        clean.add(line.writtenName().strip());
        List<String> nulls = new ArrayList<>();
        List<String> approximate = new ArrayList<>();
        for (int c = 0; c < line.cells().size(); c++) {
            Cell cell = line.cells().get(c);
            String name = ReportColumns.FIELDS.get(c);
            clean.add(cell.clean() == null ? "" : cell.clean().toPlainString());
            if (cell.clean() == null && !name.equals(line.badField())) {
                nulls.add(name);
            }
            if (cell.approximate()) {
                approximate.add(name);
            }
        }
        return new ReportRow(
                file.relative(),
                file.sheet(),
                lineNo,
                report.street().office().code().value(),
                line.writtenName(),
                line.community().code().value(),
                report.period().label(),
                outcome,
                field,
                rule == null ? null : rule.code(),
                clean,
                String.join(";", nulls),
                String.join(";", approximate),
                options(line.mess()));
    }

    /**
     * Each file mapped to the file with the same bytes that comes first in path order (itself if none);
     * an empty file is always itself: two empty files are two empty files, not one sent twice.
     */
    private Map<WrittenFile, WrittenFile> canonical() {
        Map<String, WrittenFile> firstByBytes = new HashMap<>();
        Map<WrittenFile, WrittenFile> canonical = new LinkedHashMap<>();
        for (WrittenFile file : sorted()) {
            canonical.put(
                    file,
                    file.report().damage() == Damage.EMPTY
                            ? file
                            : firstByBytes.computeIfAbsent(file.sha256(), k -> file));
        }
        return canonical;
    }

    private List<WrittenFile> sorted() {
        return written.stream()
                .sorted(Comparator.comparing(f -> Path.of(f.relative())))
                .toList();
    }

    private static String key(StreetReport report) {
        return report.street().office().code().value() + "/" + report.period().label();
    }

    static String options(Set<MessKind> kinds) {
        return kinds.stream().sorted().map(MessKind::option).collect(Collectors.joining(";"));
    }

    /** The ledger files the contract truth names, each loaded with its rows (ledger mess is per row). */
    static List<FileRow> ledgerFiles(List<GroundTruthWriter.ContractRow> contracts) {
        Map<String, Integer> rows = new TreeMap<>();
        for (GroundTruthWriter.ContractRow row : contracts) {
            rows.merge(row.file(), 1, Integer::sum);
        }
        List<FileRow> files = new ArrayList<>();
        rows.forEach((file, n) -> files.add(new FileRow(
                file, "ledger", null, null, file.substring(file.lastIndexOf('.') + 1), "", "loaded", null, null, n)));
        return files;
    }
}
