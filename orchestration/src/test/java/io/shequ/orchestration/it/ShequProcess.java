package io.shequ.orchestration.it;

import io.shequ.orchestration.cli.ShequMain;
import io.shequ.schemas.fault.PausePoint;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code shequ} command line in a child JVM on the test's class path, as a real separate
 * process: it can be paused at a {@link PausePoint} and killed there with kill -9.
 */
final class ShequProcess {

    /** Only a guard against a child that hangs: a loaded 2-core machine takes minutes for one run. */
    private static final Duration LIMIT = Duration.ofMinutes(8);

    private final Path logs;
    private final Map<String, String> environment;

    /** @param logs folder for each child's output ({@code <n>-<command>.log}) */
    ShequProcess(Path logs) {
        this(logs, Map.of());
    }

    /** Children whose environment holds {@code environment} besides this process's own. */
    ShequProcess(Path logs, Map<String, String> environment) {
        this.logs = logs;
        this.environment = Map.copyOf(environment);
    }

    /** Runs the command to its end and returns its exit code. */
    int run(String... args) throws Exception {
        long begun = System.nanoTime();
        Process process = start(null, args);
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("shequ " + String.join(" ", args) + " did not end within " + LIMIT + "; " + log());
        }
        took(begun);
        return process.exitValue();
    }

    /** A child started by {@link #launch}: still running, its output going to {@code log}. */
    record Child(Process process, Path log) {

        /** Waits for the child's end and returns its exit code. */
        int exitCode() throws InterruptedException {
            if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("shequ did not end within " + LIMIT + "; see " + log);
            }
            return process.exitValue();
        }

        /** Waits until the child's output holds {@code text}, and says whether it does (false: it ended first). */
        boolean awaitOutput(String text) throws Exception {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                boolean ended = !process.isAlive();
                if (Files.readString(log).contains(text)) {
                    return true;
                }
                if (ended) {
                    return false;
                }
                Thread.sleep(200);
            }
            return false;
        }

        /** Kills the child (SIGKILL) and waits until it is gone. */
        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }
    }

    /** Starts the command and returns at once, for a test that watches it while it runs. */
    Child launch(String... args) throws IOException {
        Process process = start(null, args);
        return new Child(process, lastLog);
    }

    /**
     * Runs the command until it pauses at {@code point}, then kills it (SIGKILL: no shutdown
     * hook, no finally block runs) and waits until it is gone. Returns the killed process's pid.
     */
    long killAt(String point, String... args) throws Exception {
        Path markers = Files.createDirectories(logs.resolve("markers"));
        Path marker = markers.resolve(point + ".paused");
        Files.deleteIfExists(marker);
        long begun = System.nanoTime();
        Process process = start(point, args);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!Files.exists(marker)) {
            if (!process.isAlive()) {
                throw new AssertionError("shequ " + String.join(" ", args) + " ended (exit " + process.exitValue()
                        + ") before reaching " + point + "; " + log());
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("shequ did not reach " + point + " within " + LIMIT + "; " + log());
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        process.waitFor();
        took(begun);
        return process.pid();
    }

    /**
     * Runs the command to its end and returns what it wrote (stdout and stderr, as its log file
     * holds them), failing unless it exits with {@code expectedExit}.
     */
    String output(int expectedExit, String... args) throws Exception {
        int exit = run(args);
        if (exit != expectedExit) {
            throw new AssertionError("shequ " + String.join(" ", args) + " exited " + exit + ", expected "
                    + expectedExit + "; " + log());
        }
        return Files.readString(lastLog);
    }

    /** Appends the child's wall time to {@code timings.txt}, to keep an eye on the test's cost. */
    private void took(long begun) throws IOException {
        Files.writeString(
                logs.resolve("timings.txt"),
                lastLog.getFileName() + " " + (System.nanoTime() - begun) / 1_000_000 + " ms\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** An empty folder (emptied if it exists): the children's logs stay after the test for a look. */
    static Path cleanFolder(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(folder).toAbsolutePath();
    }

    private int started;
    private Path lastLog;

    private Process start(String pausePoint, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx3g");
        // C1 only: a child lives a minute at most on tiny samples, where C2's compile work never pays back.
        // Without tiers the JVM reserves only 48 MB of code cache, which Spark's generated classes fill
        // ("Out of space in CodeCache for adapters" kills the SparkContext): reserve the tiered default.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:ReservedCodeCacheSize=240m");
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-opens")
                    || flag.startsWith("--add-exports")
                    || flag.startsWith("-XX:+Ignore")
                    || flag.startsWith("-Djdk.reflect")
                    || flag.startsWith("-Dspark.")) {
                command.add(flag);
            }
        }
        if (pausePoint != null) {
            command.add("-D" + PausePoint.PROPERTY + "=" + pausePoint);
            command.add("-D" + PausePoint.MARKER_DIR + "=" + logs.resolve("markers"));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ShequMain.class.getName());
        command.addAll(List.of(args));
        lastLog = logs.resolve(++started + "-" + args[0] + (pausePoint == null ? "" : "-" + pausePoint) + ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(lastLog.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private String log() throws IOException {
        List<String> lines = Files.readAllLines(lastLog);
        return "last lines of " + lastLog + ":\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
