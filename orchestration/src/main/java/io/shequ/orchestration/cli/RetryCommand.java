package io.shequ.orchestration.cli;

import io.shequ.jobs.partition.PartitionLedger;
import io.shequ.jobs.partition.RunScope;
import io.shequ.jobs.partition.ScopePlanner;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.config.ShequConfig;
import io.shequ.orchestration.partition.ConfiguredSources;
import io.shequ.orchestration.runtime.PipelineRuntime;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reruns only the partitions the ledger holds as failed or quarantined, from the files now in the source folders. */
@Command(
        name = "retry",
        mixinStandardHelpOptions = true,
        description = "Rerun only the failed and quarantined partitions of the partition ledger.")
public final class RetryCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "the shequ.yml")
    Path config;

    @Override
    public Integer call() throws Exception {
        ShequConfig shequ = ConfigReader.read(config);
        try (PipelineRuntime runtime = new PipelineRuntime(shequ)) {
            RunScope scope = new ScopePlanner(new PartitionLedger(runtime.dataSource()).all())
                    .retry(ConfiguredSources.of(shequ));
            return ScopedRun.run(runtime, scope, "retry");
        }
    }
}
