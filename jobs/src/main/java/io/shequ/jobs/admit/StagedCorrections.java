package io.shequ.jobs.admit;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import java.util.List;

/**
 * What the stage step applied from the admit folder, left in the run ledger for the check step:
 * a corrected row counts as re-admitted only once it has also survived the check step's row-level
 * rules, so the accounting ({@link ReadmissionAccounting}) is done there.
 *
 * @param admitFolder the admit folder as configured
 * @param applied     every correction applied to a staged file's row, with the file's location
 * @param intake      the admit files this run found (now under {@code done/<sha256>/})
 */
public record StagedCorrections(String admitFolder, List<CorrectedRows.Applied> applied, List<AdmitFile> intake) {

    /** The run ledger's {@code readmission_staged}: written by stage, read after the check step. */
    public static final LedgerEntry<StagedCorrections> LEDGER =
            LedgerEntry.of(LedgerSection.READMISSION_STAGED, new TypeReference<>() {});

    public StagedCorrections {
        applied = List.copyOf(applied);
        intake = List.copyOf(intake);
    }

    /**
     * An admit file found in the folder.
     *
     * @param dropped     its name as dropped
     * @param done        where it now lies
     * @param sha256      its bytes' hash (its record in {@link AdmissionRegister})
     * @param takenBefore whether the same bytes were taken in by an earlier run (then not processed again)
     */
    public record AdmitFile(String dropped, String done, String sha256, boolean takenBefore) {}
}
