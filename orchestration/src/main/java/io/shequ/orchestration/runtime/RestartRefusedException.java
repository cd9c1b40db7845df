package io.shequ.orchestration.runtime;

/** A restart that cannot be done: no such run, or the run is not failed; carries the exit code. */
public final class RestartRefusedException extends RuntimeException {

    private final int exitCode;

    public RestartRefusedException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
