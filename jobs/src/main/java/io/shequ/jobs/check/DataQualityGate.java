package io.shequ.jobs.check;

import com.amazon.deequ.dqdl.EvaluateDataQuality;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Runs a dataset's DQDL rule files through Deequ. Rules live in {@code dq/<dataset>.error.dqdl}
 * (a failure blocks publishing) and {@code dq/<dataset>.warn.dqdl} (reported only), bundled in
 * the schemas module or overridden by files of the same name in a configured folder.
 * Lines starting with # are comments.
 */
public final class DataQualityGate {

    private static final List<String> LEVELS = List.of("error", "warn");

    private final Path overrideFolder;

    public DataQualityGate(Path overrideFolder) {
        this.overrideFolder = overrideFolder;
    }

    public List<RuleOutcome> evaluate(String dataset, Dataset<Row> data) {
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (String level : LEVELS) {
            Optional<String> ruleset = ruleset(dataset + "." + level + ".dqdl");
            if (ruleset.isEmpty()) {
                continue;
            }
            for (Row r : EvaluateDataQuality.process(data, ruleset.get()).collectAsList()) {
                outcomes.add(new RuleOutcome(dataset, level, r.getAs("Rule"), r.getAs("Outcome"), r.getAs("FailureReason")));
            }
        }
        return outcomes;
    }

    private Optional<String> ruleset(String fileName) {
        try {
            if (overrideFolder != null && Files.exists(overrideFolder.resolve(fileName))) {
                return Optional.of(stripComments(Files.readString(overrideFolder.resolve(fileName))));
            }
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("dq/" + fileName)) {
                return in == null ? Optional.empty()
                        : Optional.of(stripComments(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading rule file " + fileName, e);
        }
    }

    private static String stripComments(String text) {
        return text.lines().filter(l -> !l.strip().startsWith("#")).collect(Collectors.joining("\n"));
    }
}
