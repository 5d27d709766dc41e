package dev.gatun.memory;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;

/**
 * Where a linear memory's bytes live and how they grow. Only {@link LinearMemory} calls it, on its cold paths
 * (create, grow, close); the access paths see nothing but the view segments it returns, which are native
 * segments of a shared arena in both implementations so every access site stays monomorphic.
 */
sealed interface Backing permits MappedBacking, CopyingBacking {
    /** The view of the first {@code bytes} bytes after creation. */
    MemorySegment initialView();

    /**
     * Makes {@code newBytes} accessible (zero-filled beyond {@code current}) and returns the view of them.
     *
     * @throws NativeMemoryException if committing failed in a system call
     * @throws OutOfMemoryError      if the copying fallback could not allocate
     */
    MemorySegment grow(MemorySegment current, long newBytes);

    /** Whether views taken before a grow keep aliasing the memory after it. */
    boolean growsInPlace();

    /** Frees everything; every view becomes inaccessible. Called once. */
    void release();

    /**
     * Arranges for the backing to be freed once neither {@code owner} nor any view is reachable, for memories
     * nobody closed; {@link #release()} still frees it at once. The cleaning action must not refer to
     * {@code owner}, the backing or its views, or they would never become unreachable.
     */
    Cleaner.Cleanable registerCleanup(Cleaner cleaner, Object owner);
}
