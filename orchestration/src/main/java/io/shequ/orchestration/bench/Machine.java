package io.shequ.orchestration.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a benchmark ran on, as BENCHMARKS.md records it. */
public record Machine(int cores, long memoryBytes, String cpu, String java) {

    public static Machine current() {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                memTotal(read("/proc/meminfo")),
                cpuModel(read("/proc/cpuinfo")),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    static String cpuModel(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    static long memTotal(String meminfo) {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        return 0;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
