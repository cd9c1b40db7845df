package io.shequ.orchestration.cli;

import io.shequ.jobs.extract.SourceReads;
import io.shequ.jobs.run.ExitCodes;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.warehouse.WarehousePublisher;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Operates the published snapshots of a home: lists them, or rolls back to the one before the
 * current by the same atomic switch a publish makes. Pipeline runs publish by themselves.
 */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = "List the kept warehouse snapshots, or make the previous one current again.")
public final class PublishCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Option(names = "--home", defaultValue = "shequ-home", description = "the Shequ home (default: ${DEFAULT-VALUE})")
    Path home;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(
                names = "--rollback",
                required = true,
                description = "make the snapshot before the current one current again (again: one further back)")
        boolean rollback;

        @Option(
                names = "--list",
                required = true,
                description = "list the kept snapshots, newest first, marking the current one")
        boolean list;
    }

    private final PrintStream out;
    private final PrintStream err;

    public PublishCommand() {
        this(System.out, System.err);
    }

    PublishCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        WarehousePublisher publisher =
                new WarehousePublisher(home.toAbsolutePath().normalize());
        if (action.list) {
            list(publisher);
            return ExitCodes.SUCCESS;
        }
        try {
            Path now = publisher.rollback();
            // the file sources' last reads were published in the snapshot rolled back from: read them again
            new SourceReads(new HomeLayout(home.toAbsolutePath().normalize())).forgetAll();
            out.println("rolled back: " + now.getFileName() + " is now current (" + publisher.currentLink() + ")");
            out.println("the next run reads every file source again");
            return ExitCodes.SUCCESS;
        } catch (IllegalStateException e) {
            err.println("shequ publish: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    private void list(WarehousePublisher publisher) throws Exception {
        List<Path> snapshots = publisher.snapshots();
        Optional<Path> current = publisher.current();
        if (snapshots.isEmpty()) {
            out.println("no snapshots in " + publisher.folder().resolve("snapshots"));
            return;
        }
        out.println("snapshots in " + publisher.folder().resolve("snapshots") + ", newest first (* current):");
        for (Path snapshot : snapshots) {
            boolean isCurrent = current.isPresent() && Files.isSameFile(snapshot, current.get());
            out.printf(
                    "%s %-40s %s %,d bytes%n",
                    isCurrent ? "*" : " ",
                    snapshot.getFileName(),
                    TIME.format(Files.getLastModifiedTime(snapshot).toInstant()),
                    Files.size(snapshot));
        }
    }
}
