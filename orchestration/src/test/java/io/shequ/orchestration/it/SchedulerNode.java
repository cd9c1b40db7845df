package io.shequ.orchestration.it;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code shequ schedule} node in a JVM process of its own, started from the test's classpath
 * with the JVM flags Spark needs; its output goes to a log file the test reads.
 */
final class SchedulerNode {

    private static final Pattern INSTANCE = Pattern.compile("scheduler node (\\S+?),");

    private final String name;
    private final Process process;
    private final Path log;

    private SchedulerNode(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static SchedulerNode start(String name, Path config, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx768m");
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-opens")
                    || flag.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || flag.startsWith("-Djdk.reflect")) {
                command.add(flag);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add("io.shequ.orchestration.cli.ShequMain");
        command.add("schedule");
        command.add("--config");
        command.add(config.toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new SchedulerNode(name, process, log);
    }

    /** Waits until the node says its scheduler runs; returns its Quartz instance id. */
    String awaitRunning(long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            String out = output();
            Matcher m = INSTANCE.matcher(out);
            if (out.contains("scheduler running") && m.find()) {
                return m.group(1);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " ended with " + process.exitValue() + ":\n" + out);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("node " + name + " not running after " + timeoutMillis + " ms:\n" + output());
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** kill -9: no shutdown hook, no goodbye to the cluster. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A polite stop (SIGTERM), then a hard one if it lingers. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    boolean alive() {
        return process.isAlive();
    }
}
