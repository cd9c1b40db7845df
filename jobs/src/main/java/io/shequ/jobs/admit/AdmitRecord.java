package io.shequ.jobs.admit;

import java.util.List;

/**
 * One admit file as taken in: its bytes' hash, the run that took it, the corrections read from it
 * and the rows refused with the reason. Kept in {@link AdmissionRegister} so that the file is never
 * processed again and its corrections are applied by every later run that stages the corrected
 * files (each run stages every file afresh).
 *
 * @param file      the admit file's name as dropped
 * @param sha256    its bytes' SHA-256
 * @param runId     the run that took it in
 * @param bytes     its size
 * @param rows      its data rows (below the header)
 * @param corrections the rows read as corrections
 * @param refused   the rows that could not be used, with why
 */
public record AdmitRecord(
        String file,
        String sha256,
        String runId,
        long bytes,
        long rows,
        List<Correction> corrections,
        List<Refusal> refused) {

    public AdmitRecord {
        corrections = List.copyOf(corrections);
        refused = List.copyOf(refused);
    }

    /** A row of an admit file that is not a usable correction. */
    public record Refusal(int line, String quarantineId, String reason) {}
}
