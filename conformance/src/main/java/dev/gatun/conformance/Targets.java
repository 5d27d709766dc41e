package dev.gatun.conformance;

import dev.gatun.Tier;
import dev.gatun.WasmVersion;

/** The targets the runner can use. */
public final class Targets {
    private Targets() {}

    /** Gatun itself, through its public API. */
    public static Target<?, ?> gatun() {
        return gatun(Tier.fromProperty());
    }

    /** Gatun with every module compiled for {@code tier}, by the Wasm 3.0 rules. */
    public static Target<?, ?> gatun(Tier tier) {
        return gatun(tier, WasmVersion.WASM_3_0);
    }

    /** Gatun with every module compiled for {@code tier} by the rules of {@code version}. */
    public static Target<?, ?> gatun(Tier tier, WasmVersion version) {
        return new GatunTarget<>(new GatunExecutor(), tier, version);
    }
}
