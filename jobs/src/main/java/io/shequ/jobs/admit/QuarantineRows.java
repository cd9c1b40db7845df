package io.shequ.jobs.admit;

import com.fasterxml.jackson.databind.JsonNode;
import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.stage.WholeFileRejects;
import io.shequ.jobs.stage.ledger.ProcurementLedgerStaging;
import io.shequ.jobs.stage.report.StreetOfficeReportStaging;
import io.shequ.schemas.contract.RejectRule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The re-admissible rows in a home's quarantine, read from the JSON lines staging and the check
 * step wrote (no Spark): row-level rejects of the file sources (street-office reports, procurement
 * ledgers), and their typed rows that the check step's row-level rules took out
 * ({@code dq_staged_<dataset>}: {@link QuarantinedRow#BY_CHECK}, fields under their names). Files
 * quarantined whole are fixed by resubmitting the file, names by the alias file, grid-system rows
 * in the grid system; none of them is exported.
 *
 * <p>A row is <em>open</em> while the latest run that quarantined it is later than the latest run
 * that re-admitted it ({@link AdmissionRegister#lastReadmitted()}).
 */
public final class QuarantineRows {

    /** File source → the staging dataset its row-level rejects are written under. */
    public static final Map<String, String> DATASETS = Map.of(
            Source.STREET_OFFICES.id(), StreetOfficeReportStaging.DATASET,
            Source.PROCUREMENT.id(), ProcurementLedgerStaging.DATASET);

    /** File source → the check step's quarantine of its typed rows ({@code dq_<stage>_<dataset>}, as DatasetCheck names it). */
    public static final Map<String, String> CHECKED_DATASETS = Map.of(
            Source.STREET_OFFICES.id(), "dq_staged_community_reports",
            Source.PROCUREMENT.id(), "dq_staged_service_contracts");

    /** Typed columns that say where the row came from, already in the export's fixed columns. */
    private static final Set<String> ORIGIN_COLUMNS =
            Set.of("source_file", "source_sheet", "source_line", "modified_millis", "arrived_millis");

    private static final Set<String> WHOLE_FILE_RULES =
            WholeFileRejects.RULES.stream().map(RejectRule::code).collect(Collectors.toSet());

    private final HomeLayout layout;

    public QuarantineRows(HomeLayout layout) {
        this.layout = layout;
    }

    /** Whether a quarantined row can be corrected through an admit file. */
    public static boolean admissible(String source, String line, String rule) {
        return DATASETS.containsKey(source) && line != null && !line.isBlank() && !WHOLE_FILE_RULES.contains(rule);
    }

    /** Runs with a quarantine folder, oldest first (run ids sort by start time). */
    public List<String> runs() {
        Path root = layout.home().resolve("quarantine");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> runs = Files.list(root)) {
            return runs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + root, e);
        }
    }

    /** The re-admissible rows run {@code runId} quarantined, of {@code source} (null: every file source). */
    public List<QuarantinedRow> ofRun(String runId, String source) {
        Map<String, String> shas = landedShas(runId);
        List<QuarantinedRow> rows = new ArrayList<>();
        for (String fileSource : new TreeSet<>(DATASETS.keySet())) {
            if (source != null && !source.equals(fileSource)) {
                continue;
            }
            rows.addAll(read(runId, DATASETS.get(fileSource), QuarantinedRow.BY_STAGE, shas));
            rows.addAll(read(runId, CHECKED_DATASETS.get(fileSource), QuarantinedRow.BY_CHECK, shas));
        }
        return rows;
    }

    private List<QuarantinedRow> read(String runId, String dataset, String by, Map<String, String> shas) {
        List<QuarantinedRow> rows = new ArrayList<>();
        for (JsonNode node : jsonLines(layout.quarantine(runId).resolve(dataset))) {
            String rowSource = text(node, "source");
            String line = text(node, "line");
            String rule = text(node, "rule");
            String sha = shas.get(rowSource + "\u0000" + text(node, "location"));
            if (!admissible(rowSource, line, rule) || sha == null) {
                continue;
            }
            String sheet = text(node, "sheet");
            Map<String, String> raw = raw(text(node, "raw"));
            if (QuarantinedRow.BY_CHECK.equals(by)) {
                raw.keySet().removeAll(ORIGIN_COLUMNS);
            }
            rows.add(new QuarantinedRow(
                    QuarantineRowId.of(rowSource, sha, sheet, line),
                    runId,
                    rowSource,
                    text(node, "location"),
                    sha,
                    sheet,
                    line,
                    text(node, "column"),
                    rule,
                    text(node, "reason"),
                    raw,
                    by));
        }
        return rows;
    }

    /**
     * Every open row in the kept quarantine: per row id the version of the latest run that
     * quarantined it, unless a later run re-admitted it.
     */
    public List<QuarantinedRow> allOpen(String source, Map<String, String> lastReadmitted) {
        Map<String, QuarantinedRow> latest = new LinkedHashMap<>();
        for (String run : runs()) {
            for (QuarantinedRow row : ofRun(run, source)) {
                latest.remove(row.quarantineId());
                latest.put(row.quarantineId(), row);
            }
        }
        return latest.values().stream()
                .filter(r -> {
                    String readmitted = lastReadmitted.get(r.quarantineId());
                    return readmitted == null || readmitted.compareTo(r.runId()) < 0;
                })
                .toList();
    }

    /** (source, location) → SHA-256 of the bytes the run landed, from the run's ledger. */
    private Map<String, String> landedShas(String runId) {
        Map<String, String> shas = new HashMap<>();
        Map<String, List<LandedSource>> landed =
                LandedSource.LANDED.read(new RunLedger(layout, runId)).orElse(Map.of());
        for (List<LandedSource> sources : landed.values()) {
            for (LandedSource source : sources) {
                shas.put(source.source() + "\u0000" + source.location(), source.sha256());
            }
        }
        return shas;
    }

    private static List<JsonNode> jsonLines(Path folder) {
        List<JsonNode> nodes = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return nodes;
        }
        List<Path> parts;
        try (Stream<Path> files = Files.list(folder)) {
            parts = files.filter(p -> p.getFileName().toString().startsWith("part-")
                            && p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + folder, e);
        }
        for (Path part : parts) {
            try (BufferedReader reader = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank()) {
                        nodes.add(RunLedger.JSON.readTree(line));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + part, e);
            }
        }
        return nodes;
    }

    private static Map<String, String> raw(String json) {
        Map<String, String> raw = new LinkedHashMap<>();
        if (json == null) {
            return raw;
        }
        try {
            JsonNode node = RunLedger.JSON.readTree(json);
            node.fields()
                    .forEachRemaining(e -> raw.put(
                            e.getKey(),
                            e.getValue().isNull()
                                    ? null
                                    : e.getValue().isTextual()
                                            ? e.getValue().asText()
                                            : e.getValue().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading raw values " + json, e);
        }
        return raw;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
