package io.shequ.orchestration.cli;

import io.shequ.jobs.partition.PartitionLedger;
import io.shequ.jobs.partition.RunScope;
import io.shequ.jobs.partition.ScopePlanner;
import io.shequ.orchestration.config.ConfigException;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.config.ShequConfig;
import io.shequ.orchestration.partition.ConfiguredSources;
import io.shequ.orchestration.runtime.PipelineRuntime;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reprocesses the partitions of a date range: their landed files restaged, the grid re-extracted by updated_at. */
@Command(
        name = "backfill",
        mixinStandardHelpOptions = true,
        description = "Reprocess the partitions whose period overlaps FROM..TO (inclusive), even if already loaded.")
public final class BackfillCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "the shequ.yml")
    Path config;

    @Option(names = "--from", required = true, description = "first day, e.g. 2024-03-01")
    LocalDate from;

    @Option(names = "--to", required = true, description = "last day, inclusive, e.g. 2024-03-31")
    LocalDate to;

    @Option(names = "--source", description = "only this source: street-offices, grid-system or procurement")
    String source;

    @Override
    public Integer call() throws Exception {
        if (to.isBefore(from)) {
            throw new ConfigException("--to", "a day not before --from " + from + ", got " + to);
        }
        ShequConfig shequ = ConfigReader.read(config);
        try (PipelineRuntime runtime = new PipelineRuntime(shequ)) {
            RunScope scope = new ScopePlanner(new PartitionLedger(runtime.dataSource()).all())
                    .backfill(from, to, ConfiguredSources.chosen(shequ, source));
            return ScopedRun.run(runtime, scope, "backfill " + from + ".." + to);
        }
    }
}
