package dev.gatun.conformance;

import dev.gatun.Tier;

/** The targets the runner can use. */
public final class Targets {
    private Targets() {}

    /** Gatun itself, through its public API. */
    public static Target<?, ?> gatun() {
        return gatun(Tier.fromProperty());
    }

    /** Gatun with every module compiled for {@code tier}. */
    public static Target<?, ?> gatun(Tier tier) {
        return new GatunTarget<>(new GatunExecutor(), tier);
    }
}
