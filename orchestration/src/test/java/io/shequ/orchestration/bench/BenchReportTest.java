package io.shequ.orchestration.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's figures as read from a run summary, and as printed: console table and Markdown. */
class BenchReportTest {

    static final Machine MACHINE = new Machine(2, 24L << 30, "Test CPU", "OpenJDK 17");

    @TempDir
    Path dir;

    @Test
    void readsStepsAndSourceRowsFromTheSummaryAndSumsStageToPublish() throws Exception {
        RunFigures run = RunFigures.read(summary("COMPLETED"), 0, Duration.ofSeconds(100));
        assertThat(run.steps())
                .extracting(RunFigures.Step::name)
                .containsExactly("extract", "stage", "check", "conform", "lake", "publish", "indicators");
        assertThat(run.rowsRead()).as("rowsRead summed over the sources").isEqualTo(1500);
        assertThat(run.stageToPublish())
                .as("stage 20 + check 10 + conform 30 + lake 15 + publish 5 s")
                .contains(Duration.ofSeconds(80));
        assertThat(run.rowsPerSecond()).isEqualTo(15.0);
    }

    @Test
    void aRunThatFailedInPublishHasNoStageToPublishTimeButKeepsItsSteps() throws Exception {
        RunFigures run = RunFigures.read(summary("FAILED"), 1, Duration.ofSeconds(90));
        assertThat(run.stageToPublish()).as("publish did not complete").isEmpty();
        assertThat(run.completed("publish")).isEmpty();
        String table =
                new BenchReport("city 3701, scale 1", MACHINE, run, 5L << 30, -1, null, null, null, null, 0).table();
        assertThat(table)
                .contains("exit 1")
                .containsPattern("publish +FAILED +5\\.0 s")
                .as("no ratio without a published run")
                .containsPattern("stage → publish +—")
                .contains("rerun, no new data");
    }

    @Test
    void tablePrintsEachStepAndTheRatiosToTheFloorAndThePlainLoad() throws Exception {
        RunFigures cold = RunFigures.read(summary("COMPLETED"), 0, Duration.ofSeconds(100));
        RunFigures unchanged = new RunFigures("r2", 0, List.of(), 30, Duration.ofSeconds(40));
        RunFigures day = new RunFigures("r3", 0, List.of(), 900, Duration.ofSeconds(50));
        BenchReport report = new BenchReport(
                "city 3701, scale 0.25",
                MACHINE,
                cold,
                3L << 30,
                300L << 20,
                new SqlFloor.Result(Duration.ofSeconds(8), Map.of()),
                new PlainWarehouseBuild.Result(Duration.ofSeconds(2), 10, 100, 1),
                unchanged,
                day,
                1200);
        String table = report.table();
        assertThat(table)
                .containsPattern("extract +COMPLETED +12\\.0 s")
                .containsPattern("stage → publish +80\\.0 s")
                .as("80 s / 8 s")
                .contains("stage → publish / floor = 10.0×")
                .as("publish 5 s / plain build 2 s")
                .contains("publish / plain build = 2.5×")
                .contains("peak memory 3.0 GiB, snapshot 300 MiB")
                .contains("rerun, one more day (1,200 events)");
        String markdown = report.markdown(LocalDate.of(2026, 12, 2));
        assertThat(markdown)
                .contains(BenchReport.RESULTS_HEADER)
                .contains(
                        "| 2026-12-02 | city 3701, scale 0.25 | 0 | 1,500 | 100.0 s | 15 | 80.0 s | 8.0 s | 10.0× | 5.0 s | 2.0 s | 2.5× | 3.0 GiB / 300 MiB | 40.0 s | 50.0 s |")
                .contains("| conform | COMPLETED | 30.0 s |");
    }

    @Test
    void peakMemoryIsVmHwmInBytes() {
        assertThat(PeakMemory.vmHwm("Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  6026024 kB\nVmRSS:\t 100 kB\n"))
                .hasValue(6026024L * 1024);
        assertThat(PeakMemory.vmHwm("Name:\tjava\n")).isEmpty();
    }

    @Test
    void machineReadsCpuModelAndMemory() {
        assertThat(Machine.cpuModel("processor\t: 0\nmodel name\t: AMD EPYC 7B13\n"))
                .isEqualTo("AMD EPYC 7B13");
        assertThat(Machine.memTotal("MemTotal:       24578048 kB\nMemFree: 1 kB\n"))
                .isEqualTo(24578048L * 1024);
    }

    @Test
    void theFloorReadsTheSnapshotsDataFilesWithoutDecodingThem() throws Exception {
        Path snapshot = dir.resolve("lake-snapshot.json");
        Files.writeString(snapshot, """
                {"tables": [{"name": "fct_grid_events", "dataFiles": ["file:/lake/report_year=2023/a%20b.parquet", "/lake/c.parquet"]},
                            {"name": "dim_date", "dataFiles": []}]}""");
        List<PlainWarehouseBuild.LakeTable> tables = PlainWarehouseBuild.tables(snapshot);
        assertThat(tables.get(0).dataFiles())
                .as("file: stripped as text, %20 kept")
                .containsExactly("/lake/report_year=2023/a%20b.parquet", "/lake/c.parquet");
        assertThat(PlainWarehouseBuild.dataFiles(snapshot, "fct_grid_events"))
                .containsExactly(Path.of("/lake/report_year=2023/a%20b.parquet"), Path.of("/lake/c.parquet"));
    }

    private Path summary(String publishStatus) throws Exception {
        Path file = dir.resolve("runs/r1/summary.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"run_id": "r1", "exit_code": 0, "steps": [
                  {"step": "extract", "status": "COMPLETED", "duration_ms": 12000},
                  {"step": "stage", "status": "COMPLETED", "duration_ms": 20000},
                  {"step": "check", "status": "COMPLETED", "duration_ms": 10000},
                  {"step": "conform", "status": "COMPLETED", "duration_ms": 30000},
                  {"step": "lake", "status": "COMPLETED", "duration_ms": 15000},
                  {"step": "publish", "status": "%s", "duration_ms": 5000},
                  {"step": "indicators", "status": "COMPLETED", "duration_ms": 500}],
                 "sources": [{"source": "grid_system", "rowsRead": 1000}, {"source": "street_office_reports", "rowsRead": 500}]}
                """.formatted(publishStatus));
        return file;
    }
}
