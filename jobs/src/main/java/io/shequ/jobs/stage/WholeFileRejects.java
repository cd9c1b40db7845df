package io.shequ.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import io.shequ.schemas.contract.RejectRule;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The source files a run quarantined whole: unreadable, empty, without a recognisable header, or
 * whose street office or period could not be told; and the entries refused at landing (hidden
 * files, lock files, other file types, links outside the source folder or looping). Read back from the run's quarantine by rule, so
 * whatever staged them, the run summary and the exit code agree on the list.
 */
public final class WholeFileRejects {

    /** One file quarantined whole, with the rule it broke and the reason. */
    public record File(String source, String location, String rule, String reason) {}

    /** The run ledger's {@code files_quarantined_whole}: written by stage, read by the summary and after. */
    public static final LedgerEntry<List<File>> LEDGER =
            LedgerEntry.of(LedgerSection.FILES_QUARANTINED_WHOLE, new TypeReference<>() {});

    public static final Set<RejectRule> RULES = Set.of(
            RejectRule.UNREADABLE_FILE,
            RejectRule.EMPTY_FILE,
            RejectRule.NO_HEADER,
            RejectRule.UNKNOWN_STREET_OFFICE,
            RejectRule.UNKNOWN_PERIOD,
            RejectRule.HIDDEN_FILE,
            RejectRule.LOCK_FILE,
            RejectRule.UNSUPPORTED_FILE,
            RejectRule.OUTSIDE_SOURCE,
            RejectRule.LINK_LOOP);

    private WholeFileRejects() {}

    public static List<File> in(SparkSession spark, Quarantine quarantine, List<String> datasets) {
        List<File> files = new ArrayList<>();
        String[] codes = RULES.stream().map(RejectRule::code).sorted().toArray(String[]::new);
        for (String dataset : datasets) {
            if (!Files.exists(quarantine.folder(dataset))) {
                continue;
            }
            List<Row> rows = quarantine
                    .read(spark, dataset)
                    .filter(col("rule").isin((Object[]) codes))
                    .groupBy("source", "location")
                    .agg(first("rule").as("rule"), first("reason").as("reason"))
                    .orderBy("source", "location")
                    .collectAsList();
            for (Row r : rows) {
                files.add(new File(r.getString(0), r.getString(1), r.getString(2), r.getString(3)));
            }
        }
        return files;
    }
}
