package io.shequ.orchestration.cli;

import io.shequ.jobs.run.EmbeddedH2;
import io.shequ.jobs.run.ExitCodes;
import io.shequ.orchestration.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code shequ} command line. Exit codes: 0 success, 1 failure, 2 bad usage or configuration, 3 data-quality gate. */
@Command(
        name = "shequ",
        mixinStandardHelpOptions = true,
        version = "shequ 0.1.0",
        description = "Batch pipeline and warehouse for community-governance statistics (社区治理统计).",
        subcommands = {
            DemoCommand.class,
            GenerateCommand.class,
            RunCommand.class,
            StatsCommand.class,
            ScheduleCommand.class,
            PublishCommand.class,
            ExplainCommand.class,
            DictionaryCommand.class,
            BulletinCommand.class,
            DqCommand.class,
            BackfillCommand.class,
            RetryCommand.class,
            StatusCommand.class,
            RunsCommand.class,
            RestartCommand.class,
            QuarantineCommand.class,
            BenchCommand.class,
            BiUrlCommand.class,
            ServeCommand.class,
            SqlCommand.class,
            BenchServeCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failure",
            "2:bad usage or configuration",
            "3:a data-quality gate blocked publishing"
        })
public final class ShequMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // before any H2 class loads: the embedded databases' servers listen on loopback only
        EmbeddedH2.loopbackOnly();
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new ShequMain());
        cli.setExitCodeExceptionMapper(e -> e instanceof ConfigException || e instanceof CommandLine.ParameterException
                ? ExitCodes.USAGE
                : ExitCodes.FAILURE);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("shequ: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            commandLine.getErr().println("shequ: " + e);
            return ExitCodes.FAILURE;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "choose a command: demo, generate, run, stats, explain, dictionary, bulletin, schedule, publish, dq, status, backfill, retry, runs, restart, quarantine, bench, bench-serve, bi-url, serve or sql");
    }
}
