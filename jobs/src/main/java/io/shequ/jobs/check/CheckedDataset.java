package io.shequ.jobs.check;

import java.util.List;

/**
 * A dataset that rule files guard, and how its rows are named in the quarantine.
 *
 * @param dataset the rule files' name ({@code dq/<stage>/<dataset>.<level>.dqdl})
 * @param folder  the Parquet folder's name under the stage's root (staging or conformed)
 * @param source  the quarantine's and the row accounting's source
 * @param table   the location of rows that carry no source file (a grid-system or lake table)
 * @param keys    the columns that name such a row (its quarantine {@code line})
 */
public record CheckedDataset(String dataset, String folder, String source, String table, List<String> keys) {

    public CheckedDataset {
        keys = List.copyOf(keys);
    }
}
