package dev.gatun.interpreter;

/**
 * A function implemented outside Wasm: the API adapts each Java host function to this, so the engine
 * calls it with raw registers and never sees the API's value types.
 */
@FunctionalInterface
public interface HostCode {
    /**
     * Runs the function. Its arguments are in {@code m}'s registers from {@code fp}, packed by width (a v128
     * takes two); it leaves its results there the same way, after {@link CallStack#ensure} for their room.
     * A trap it raises is a {@link dev.gatun.runtime.WasmTrap}; any other exception is the host failing.
     */
    void call(CallStack m, int fp);
}
