package dev.gatun;

/**
 * A Wasm function: exported by an instance, or implemented in Java and importable.
 * Safe to call from any thread; a call runs on the calling thread.
 */
public sealed interface Function extends Extern permits FunctionHandle {
    @Override
    FunctionType type();

    /**
     * Calls the function. Arguments must match {@link #type()}'s params in number and type; the result
     * array holds one value per result type (empty for none).
     *
     * @throws RuntimeError on a trap, with the Wasm stack
     */
    Value[] call(Value... args);

    /** A function implemented in Java, with the Wasm type it is imported at. */
    static Function host(FunctionType type, HostFunction impl) {
        return FunctionHandle.host(type, impl);
    }
}
