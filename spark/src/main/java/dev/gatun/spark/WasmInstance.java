package dev.gatun.spark;

import dev.gatun.Instance;
import dev.gatun.Value;

/**
 * One instance borrowed from an {@link InstancePool} by one thread, with calls that follow the memory
 * convention and the per-call limits (see the package documentation). Not thread-safe: its borrower
 * calls it, then {@link #close()}s it, which returns the instance to the pool, or discards it if any call
 * failed: a trap can leave the guest's heap half-updated, so that instance is never trusted again.
 * A closed borrow cannot be used, even though the instance behind it lives on for the next borrower.
 */
public final class WasmInstance implements AutoCloseable {
    private final PooledInstance pooled;
    private boolean closed;

    WasmInstance(PooledInstance pooled) { this.pooled = pooled; }

    /**
     * Calls {@code export} with Java values for {@code sig}'s types ({@code Integer}, {@code Long},
     * {@code Float}, {@code Double}, {@code byte[]}, {@code String}); buffers are copied into linear
     * memory, the result is copied out, and all of them are freed. A null argument gives a null result
     * without calling the export (SQL's strict null semantics).
     *
     * @throws WasmUdfException on a trap, a timeout, or a broken memory convention
     */
    public Object invoke(String export, WasmSignature sig, Object... args) { return live().invoke(export, sig, args); }

    /** Calls a {@code (ptr, len) -> ptr << 32 | len} export on one buffer: the partition kernels' common case. */
    public byte[] callBytes(String export, byte[] input) { return live().callBytes(export, input); }

    /** Calls an export with raw Wasm values, under the timeout; a trap becomes a {@link WasmUdfException}. */
    public Value[] call(String export, Value... args) { return live().call(export, args); }

    /** The Gatun instance, for what the calls above do not cover (its memory, globals, tables). */
    public Instance instance() { return live().instance(); }

    /** True once a call failed: this instance will be discarded when closed. */
    public boolean poisoned() { return pooled.poisoned(); }

    /** Sets the timeout for this borrower's next calls. */
    void lend(java.time.Duration timeout) { live().lend(timeout); }

    private PooledInstance live() {
        if (closed) throw new IllegalStateException("this wasm instance was already returned to its pool");
        return pooled;
    }

    /** Returns the instance to its pool (discarded if a call failed). Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        pooled.pool().release(pooled, pooled.poisoned());
    }
}
