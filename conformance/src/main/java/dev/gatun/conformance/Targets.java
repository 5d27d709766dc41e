package dev.gatun.conformance;

/** The targets the runner can use. */
public final class Targets {
    private Targets() {}

    /**
     * Gatun itself, through its public API, with as much of it as is built in. The execution half,
     * {@code GatunExecutor}, waits in src/engine-pending until the engine branch (instantiate, Imports,
     * Instance, Table, Global) merges; then move it into src/main/java and pass {@code new GatunExecutor()} here.
     */
    public static Target<?, ?> gatun() {
        return new GatunTarget<>(new GatunExecutor());
    }
}
