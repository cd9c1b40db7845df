package io.shequ.jobs.admit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stable id of a quarantined source row: the same row of the same bytes gets the same id in
 * every run that quarantines it (each run stages every file again), so an export, a correction
 * and the run that re-admits it all name one row. Built from the source kind, the SHA-256 of the
 * landed file, the sheet and the line; a resubmitted file (other bytes) has other ids.
 */
public final class QuarantineRowId {

    private QuarantineRowId() {}

    /** {@code q} and 16 hex digits of SHA-256 over source, file hash, sheet (empty for CSV) and line. */
    public static String of(String source, String fileSha256, String sheet, String line) {
        String key = String.join("\u0000", source, fileSha256, sheet == null ? "" : sheet, line);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "q" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
