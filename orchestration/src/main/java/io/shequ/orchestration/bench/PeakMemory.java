package io.shequ.orchestration.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The process's peak resident memory (VmHWM in /proc/self/status). The pipeline runs in this
 * process, so this is its peak, Spark's and DuckDB's native memory included; the JVM's own figures
 * would miss the native part.
 */
public final class PeakMemory {

    private PeakMemory() {}

    /** The peak in bytes, empty where /proc is not there (not Linux). */
    public static OptionalLong now() {
        try {
            return vmHwm(Files.readString(Path.of("/proc/self/status")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** VmHWM of a /proc/&lt;pid&gt;/status text, in bytes. */
    static OptionalLong vmHwm(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]) * 1024); // the kernel writes kB
            }
        }
        return OptionalLong.empty();
    }
}
