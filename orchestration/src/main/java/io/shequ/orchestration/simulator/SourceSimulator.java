package io.shequ.orchestration.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a deterministic sample of the three source kinds for one district and year, with the
 * ground truth beside it: street-office reports (XLSX and CSV), a procurement ledger (XLSX) and a
 * grid-system database (H2).
 *
 * <p>Layout under the output folder: {@code street-offices/<街道>/<街道>_<YYYY>年<MM>月社区工作月报.xlsx|csv},
 * {@code procurement/<区>_<YYYY>年政府购买服务台账.xlsx}, {@code grid-system/grid.mv.db} and
 * {@code ground-truth/}. Those four folders are replaced on every run; nothing else is touched.
 * Every value comes from the spec's seed, so the same spec gives byte-identical files (the H2
 * file excepted, whose table contents are identical).
 */
public final class SourceSimulator {

    private SourceSimulator() {
    }

    public static SimulationResult generate(SimulationSpec spec, Path out) {
        try {
            return run(spec, out.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("simulating sources into " + out, e);
        } catch (SQLException e) {
            throw new IllegalStateException("writing the simulated grid database into " + out, e);
        }
    }

    private static SimulationResult run(SimulationSpec spec, Path out) throws IOException, SQLException {
        for (String folder : List.of(ReportWriter.FOLDER, LedgerWriter.FOLDER, GridDatabaseWriter.FOLDER,
                GroundTruthWriter.FOLDER)) {
            deleteRecursively(out.resolve(folder));
        }
        SimulatedDistrict district = SimulatedDistrict.load(spec.district());

        List<StreetReport> reports = new ReportPlanner(spec, district).plan();
        ReportWriter reportWriter = new ReportWriter(out, district);
        List<GroundTruthWriter.ReportRow> reportTruth = new ArrayList<>();
        for (StreetReport report : reports) {
            reportTruth.addAll(reportWriter.write(report));
        }

        List<ServiceContract> contracts = new ContractPlanner(spec, district).plan();
        List<GroundTruthWriter.ContractRow> contractTruth = LedgerWriter.write(out, district, spec.year(), contracts);

        GridPlanner grid = new GridPlanner(spec, district).plan();
        String password = GridDatabaseWriter.password(spec.random("grid-password"));
        GridDatabaseWriter.write(out, password, grid.grids(), grid.events());

        GroundTruthWriter.write(out, spec.year(), reportTruth, contractTruth);
        return new SimulationResult(out.resolve(ReportWriter.FOLDER), out.resolve(LedgerWriter.FOLDER),
                GridDatabaseWriter.jdbcUrl(out), GridDatabaseWriter.USER, password,
                out.resolve(GroundTruthWriter.FOLDER), reports.size(), reportTruth.size(), grid.events().size(),
                contracts.size());
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
