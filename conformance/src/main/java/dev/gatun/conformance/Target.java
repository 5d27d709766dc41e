package dev.gatun.conformance;

import dev.gatun.FunctionType;
import dev.gatun.Value;

import java.util.Map;

/**
 * What the spec runner needs from a Wasm implementation. Keeping the runner behind this small seam lets it
 * be tested with a scripted fake.
 *
 * @param <M> compiled module handle
 * @param <I> instance handle
 */
public interface Target<M, I> {
    /** Decodes and validates; throws {@link dev.gatun.CompileError} for bad bytes. */
    M compile(byte[] bytes);

    /**
     * Instantiates against the {@code spectest} host module plus the instances registered so far
     * (key: the import module name they were registered {@code as}).
     * Throws {@link dev.gatun.LinkError} or {@link dev.gatun.RuntimeError}.
     */
    I instantiate(M module, Map<String, I> registered);

    /** Calls exported function {@code field}; throws {@link dev.gatun.RuntimeError} on a trap. */
    Value[] invoke(I instance, String field, Value[] args);

    /** Current value of exported global {@code field}. */
    Value get(I instance, String field);

    /** Called before each script: the spec expects a fresh {@code spectest} module per script. */
    default void beginScript() {}

    /** The script that created {@code instance} is done with it: free what it holds (its memories). */
    default void release(I instance) {}

    /** Type of exported function {@code name} of {@code module}, or null when there is no such function export. */
    default FunctionType exportedFunction(M module, String name) { return null; }

    /** Asks a runaway call on {@code instance} to stop (after a timeout); best effort. */
    default void interrupt(I instance) {}
}
