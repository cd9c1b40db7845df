package io.shequ.simulator;

import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.home.FileTrees;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a deterministic sample of the three source kinds for one district and year, with the
 * ground truth beside it: street-office reports (XLSX and CSV), procurement ledgers (XLSX or CSV,
 * plus an amendment file when some project is restated) and a grid-system database (an H2 file, or any JDBC URL given).
 *
 * <p>Layout under the output folder: {@code street-offices/<街道>/<街道>_<YYYY>年<MM>月社区工作月报.xlsx|csv},
 * {@code procurement/<区>_<YYYY>年政府购买服务台账[_更正].xlsx|csv}, {@code grid-system/grid.mv.db} and
 * {@code ground-truth/}. Reports whose file name does not say the office or period sit in the street's
 * folder ({@code <街道>/2023-01.csv}) or in {@code 来件/}; a city's reports sit under one folder per
 * district code ({@link #generateCity}). Those four folders are replaced on every run; nothing else is touched.
 * Every value comes from the spec's seed, so the same spec gives byte-identical files (the H2
 * file excepted, whose table contents are identical).
 */
public final class SourceSimulator {

    private SourceSimulator() {}

    public static SimulationResult generate(SimulationSpec spec, Path out) {
        return generate(spec, out, null);
    }

    /**
     * As {@link #generate(SimulationSpec, Path)}, with the grid-system database written to {@code grid}
     * (any JDBC URL, its tables replaced) instead of the H2 file under {@code out}; null for the H2 file.
     */
    public static SimulationResult generate(SimulationSpec spec, Path out, GridConnection grid) {
        try {
            return run(spec, out.toAbsolutePath().normalize(), grid);
        } catch (IOException e) {
            throw new UncheckedIOException("simulating sources into " + out, e);
        } catch (SQLException e) {
            throw new IllegalStateException("writing the simulated grid database into " + out, e);
        }
    }

    /**
     * A sample for every district of a city that has village-level units: reports under
     * {@code street-offices/<district code>/}, one ledger per district, one grid database for the city.
     * Each district draws from its own seed, derived from the spec's seed and the district code;
     * the spec's district only stands for the template and is not itself written.
     */
    public static SimulationResult generateCity(DivisionCode city, SimulationSpec template, Path out) {
        return generateCity(city, template, out, null);
    }

    /**
     * As {@link #generateCity(DivisionCode, SimulationSpec, Path)}, with the city's grid-system database
     * written to {@code grid} (any JDBC URL, its tables replaced); null for the H2 file under {@code out}.
     */
    public static SimulationResult generateCity(
            DivisionCode city, SimulationSpec template, Path out, GridConnection grid) {
        return generateDistricts(city, SimulatedDistrict.districtsOf(city), template, out, grid);
    }

    /**
     * As {@link #generateCity(DivisionCode, SimulationSpec, Path, GridConnection)} for some of the
     * city's districts only, laid out as for the whole city: a city at a small scale.
     */
    public static SimulationResult generateDistricts(
            DivisionCode city, List<DivisionCode> districts, SimulationSpec template, Path out, GridConnection grid) {
        List<SimulationSpec> specs = new ArrayList<>();
        for (DivisionCode district : districts) {
            specs.add(template.withDistrict(
                    district, template.seed() * 1_000_003L + Long.parseLong(district.shortForm())));
        }
        try {
            return run(specs, true, out.toAbsolutePath().normalize(), grid);
        } catch (IOException e) {
            throw new UncheckedIOException("simulating sources of city " + city + " into " + out, e);
        } catch (SQLException e) {
            throw new IllegalStateException("writing the simulated grid database into " + out, e);
        }
    }

    /** The JDBC URL of the H2 grid database the simulator writes under {@code out} by default. */
    public static String gridJdbcUrl(Path out) {
        return GridDatabaseWriter.jdbcUrl(out);
    }

    /** The user of that database. */
    public static String gridUser() {
        return GridDatabaseWriter.USER;
    }

    /** The districts {@link #generateCity} writes a sample for: those of the city with village-level units. */
    public static List<DivisionCode> districtsOf(DivisionCode city) {
        return SimulatedDistrict.districtsOf(city);
    }

    private static SimulationResult run(SimulationSpec spec, Path out, GridConnection gridTarget)
            throws IOException, SQLException {
        return run(List.of(spec), false, out, gridTarget);
    }

    private static SimulationResult run(List<SimulationSpec> specs, boolean city, Path out, GridConnection gridTarget)
            throws IOException, SQLException {
        for (String folder : List.of(
                ReportWriter.FOLDER,
                LedgerWriter.FOLDER,
                GridDatabaseWriter.FOLDER,
                GroundTruthWriter.FOLDER,
                LedgerResend.FOLDER)) {
            FileTrees.delete(out.resolve(folder));
        }
        // simulated sources hold names, phones and ID numbers as real ones do: owner-only like a home
        OwnerOnly.createDirectories(out);
        SimulationSpec first = specs.get(0);
        ReportTruth reportTruth = new ReportTruth();
        List<GroundTruthWriter.ContractRow> contractTruth = new ArrayList<>();
        List<GridHistory> grids = new ArrayList<>();
        List<GroundTruthWriter.HeaderRow> novelHeaders = new ArrayList<>();
        List<GroundTruthWriter.StrayRow> strays = new ArrayList<>();
        List<GroundTruthWriter.ContractRow> resentTruth = new ArrayList<>();
        boolean resent = false;
        for (SimulationSpec spec : specs) {
            SimulatedDistrict district = SimulatedDistrict.load(spec.district());
            ReportWriter reportWriter =
                    new ReportWriter(out, district, city ? spec.district().shortForm() : "");
            ReportPlanner reportPlanner = new ReportPlanner(spec, district);
            for (StreetReport report : reportPlanner.plan()) {
                reportTruth.add(reportWriter.write(report));
            }
            novelHeaders.addAll(reportPlanner.novelHeaders());

            List<ServiceContract> contracts = new ContractPlanner(spec, district).plan();
            List<LedgerFile> ledgers = new LedgerPlanner(spec, district).plan(contracts);
            List<GroundTruthWriter.ContractRow> written = LedgerWriter.write(out, ledgers);
            contractTruth.addAll(written);
            Random later = spec.random("later-mess");
            List<GroundTruthWriter.ContractRow> afterResend =
                    !ledgers.isEmpty() && spec.mess().hits(MessKind.LEDGER_RESENT, later)
                            ? LedgerResend.write(out, ledgers, written, later)
                            : List.of();
            resent |= !afterResend.isEmpty();
            resentTruth.addAll(afterResend.isEmpty() ? written : afterResend);
            if (!ledgers.isEmpty() && strays.isEmpty() && spec.mess().hits(MessKind.STRAY_ENTRIES, later)) {
                strays.addAll(StrayEntries.write(
                        out,
                        out.resolve(LedgerWriter.FOLDER).resolve(ledgers.get(0).name())));
            }

            grids.add(GridHistory.of(spec, district));
        }

        GridHistory grid = grids.size() == 1 ? grids.get(0) : GridHistory.combined(first.year(), grids);
        GridConnection target = gridTarget != null
                ? gridTarget
                : new GridConnection(
                        GridDatabaseWriter.jdbcUrl(out),
                        GridDatabaseWriter.USER,
                        GridDatabaseWriter.password(first.random("grid-password")));
        if (gridTarget == null) {
            OwnerOnly.createDirectories(out.resolve(GridDatabaseWriter.FOLDER));
        }
        GridSnapshot gridState = grid.snapshot(grid.defaultAsOf());
        GridDatabaseWriter.write(target.jdbcUrl(), target.user(), target.password(), gridState);
        if (gridTarget == null) {
            // H2 creates its files with the process's umask; the folder is owner-only already
            OwnerOnly.restrictTree(out.resolve(GridDatabaseWriter.FOLDER));
        }
        GridTruth gridTruth = new GridTruth(gridState);
        GroundTruthWriter.writeGridEvents(out, first.year(), gridTruth.events(), gridTruth.flowRejects());

        List<GroundTruthWriter.ReportRow> reportRows = reportTruth.rows();
        GroundTruthWriter.write(out, first.year(), reportRows, contractTruth);
        List<GroundTruthWriter.FileRow> files = new ArrayList<>(reportTruth.files());
        files.addAll(ReportTruth.ledgerFiles(contractTruth));
        GroundTruthWriter.writeFiles(out, first.year(), files);
        GroundTruthWriter.writeNovelties(out, first.year(), novelHeaders, strays);
        if (resent) {
            // the truth after the resent ledger arrives, beside it: copy resent/ over the output folder
            GroundTruthWriter.write(out.resolve(LedgerResend.FOLDER), first.year(), reportRows, resentTruth);
        }
        return new SimulationResult(
                out.resolve(ReportWriter.FOLDER),
                out.resolve(LedgerWriter.FOLDER),
                target.jdbcUrl(),
                target.user(),
                target.password(),
                out.resolve(GroundTruthWriter.FOLDER),
                reportTruth.fileCount(),
                reportRows.size(),
                grid.eventCount(),
                contractTruth.size());
    }
}
