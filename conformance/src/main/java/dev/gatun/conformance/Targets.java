package dev.gatun.conformance;

/** The targets the runner can use. */
public final class Targets {
    private Targets() {}

    /** Gatun itself, through its public API. */
    public static Target<?, ?> gatun() {
        return new GatunTarget<>(new GatunExecutor());
    }
}
