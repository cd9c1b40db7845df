package io.shequ.orchestration.cli;

import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.runtime.PipelineRuntime;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true, description = "One pipeline run on the configured sources.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "the shequ.yml to run")
    Path config;

    @Override
    public Integer call() throws Exception {
        try (PipelineRuntime runtime = new PipelineRuntime(ConfigReader.read(config))) {
            PipelineRuntime.Outcome outcome = runtime.runOnce();
            RunOutcomePrinter.print(outcome, System.out);
            return outcome.exitCode();
        }
    }
}
