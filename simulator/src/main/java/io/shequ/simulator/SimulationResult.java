package io.shequ.simulator;

import java.nio.file.Path;

/**
 * Where the {@link SourceSimulator} put the three sources and their ground truth, and how much
 * it wrote.
 *
 * <p>{@code gridPassword} is a secret of the simulated vendor system: it is returned here for the
 * caller to configure its connection and is written into no file.
 *
 * @param reportFiles  street-office report files written, duplicates, resubmissions and unreadable ones included
 * @param reportRows   community rows staging reads from them (bad ones included; 合计 rows, duplicates and
 *                     unreadable files not): the rows of ground-truth/report-rows.csv
 * @param events       grid events
 * @param contracts    ledger rows, bad ones and amendment rows included
 */
public record SimulationResult(
        Path streetOfficeFolder,
        Path procurementFolder,
        String gridJdbcUrl,
        String gridUser,
        String gridPassword,
        Path groundTruthFolder,
        int reportFiles,
        int reportRows,
        int events,
        int contracts) {

    @Override
    public String toString() {
        return "SimulationResult[streetOfficeFolder=" + streetOfficeFolder + ", procurementFolder=" + procurementFolder
                + ", gridJdbcUrl=" + gridJdbcUrl + ", gridUser=" + gridUser + ", gridPassword=***"
                + ", groundTruthFolder=" + groundTruthFolder + ", reportFiles=" + reportFiles
                + ", reportRows=" + reportRows + ", events=" + events + ", contracts=" + contracts + "]";
    }
}
