package dev.gatun.wasi;

/**
 * Thrown by {@code proc_exit} (and by {@code proc_raise} for a signal whose default action terminates) to
 * unwind the Wasm stack. The engine surfaces it as the cause of a {@link dev.gatun.RuntimeError};
 * {@link Wasi#start} unwraps it into the exit code.
 */
public final class WasiExit extends RuntimeException {
    private final int exitCode;

    public WasiExit(int exitCode) {
        super("proc_exit(" + exitCode + ")", null, false, false);
        this.exitCode = exitCode;
    }

    /** The status the guest exited with. */
    public int exitCode() { return exitCode; }
}
