package io.shequ.jobs.recovery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that owns a run while it executes: host name, process id and the process's start
 * time. The start time tells a live owner from a later process that was given the same pid.
 *
 * @param startedMillis the process's start (epoch milliseconds), or -1 where the system does not say
 */
public record ProcessOwner(String host, long pid, long startedMillis) {

    /** Whether the owner still runs, as far as this process can tell. */
    public enum Liveness {
        /** On this host, with the same pid and start time: still running. */
        ALIVE,
        /** On this host, and no process with that pid and start time exists: killed or crashed. */
        DEAD,
        /** On another host: this process cannot look, so the run is left alone. */
        UNKNOWN
    }

    /** This JVM. */
    public static ProcessOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new ProcessOwner(hostName(), self.pid(), startOf(self));
    }

    /** Judged from {@code here} (normally {@link #current()}). */
    public Liveness liveness(ProcessOwner here) {
        if (!host.equals(here.host())) {
            return Liveness.UNKNOWN;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return Liveness.DEAD;
        }
        long started = startOf(process.get());
        // the pid was reused by a later process: the owner is gone
        return startedMillis >= 0 && started >= 0 && started != startedMillis ? Liveness.DEAD : Liveness.ALIVE;
    }

    @Override
    public String toString() {
        return "process " + pid + " on " + host;
    }

    private static long startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
