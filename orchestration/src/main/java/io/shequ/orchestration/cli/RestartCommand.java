package io.shequ.orchestration.cli;

import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.orchestration.runtime.RestartRefusedException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shequ restart [ID]}: resumes an interrupted or failed run from its last committed step,
 * with the same run id; runs left running by a dead process are marked failed first.
 */
@Command(
        name = "restart",
        mixinStandardHelpOptions = true,
        description =
                "Restart a failed or killed run from its last committed step (default: the newest run, if it failed).")
public final class RestartCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "the shequ.yml of the run")
    Path config;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "ID",
            description = "a run id (as in runs/<run-id>/) or a job execution id")
    String id;

    @Override
    public Integer call() throws Exception {
        try (PipelineRuntime runtime = new PipelineRuntime(ConfigReader.read(config))) {
            PipelineRuntime.Outcome outcome = runtime.restart(id);
            RunOutcomePrinter.print(outcome, System.out);
            return outcome.exitCode();
        } catch (RestartRefusedException e) {
            System.err.println("shequ restart: " + e.getMessage());
            return e.exitCode();
        }
    }
}
