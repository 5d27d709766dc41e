package dev.gatun.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;

/**
 * The fallback where {@code mmap} cannot be used: an {@link Arena#ofShared() shared-arena} allocation that is
 * replaced by a larger one, with a copy, when a grow exceeds it.
 *
 * <p>Cost: capacity at least doubles on each reallocation (up to the memory's limit), so growing page by page
 * copies O(final size) bytes in total, but a single grow can copy the whole memory and needs old + new
 * capacity at once; the allocation is zero-filled, so capacity is committed memory. Shared memories are
 * allocated at their limit up front, because other threads may hold views and must never lose them.
 */
final class CopyingBacking implements Backing {
    private static final long ALIGNMENT = 4096;

    private final long limitBytes;
    private Arena arena;
    /** The live arena, for the cleaner, which must not refer to this backing. */
    private final ArenaHolder live = new ArenaHolder();

    private static final class ArenaHolder {
        volatile Arena arena;

        void close() {
            Arena a = arena;
            if (a != null && a.scope().isAlive()) a.close();
        }
    }
    private MemorySegment block;
    private final MemorySegment initial;

    CopyingBacking(long limitBytes, long initialBytes, boolean shared) {
        this.limitBytes = limitBytes;
        this.arena = Arena.ofShared();
        try {
            this.block = arena.allocate(shared ? limitBytes : initialBytes, ALIGNMENT);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
        this.initial = block.asSlice(0, initialBytes);
        live.arena = arena;
    }

    @Override
    public MemorySegment initialView() { return initial; }

    /** Bytes allocated now; at least the committed size. */
    long capacityBytes() { return block.byteSize(); }

    @Override
    public MemorySegment grow(MemorySegment current, long newBytes) {
        if (newBytes > block.byteSize()) {
            long capacity = Math.min(limitBytes, Math.max(newBytes, 2 * block.byteSize()));
            Arena newArena = Arena.ofShared();
            MemorySegment newBlock;
            try {
                newBlock = newArena.allocate(capacity, ALIGNMENT);
            } catch (RuntimeException | Error e) {
                newArena.close();
                throw e;
            }
            MemorySegment.copy(block, 0, newBlock, 0, current.byteSize());
            // The old block is freed now rather than kept for stale views, which would make page-by-page
            // growth cost quadratic memory; views taken before this grow become inaccessible.
            arena.close();
            arena = newArena;
            live.arena = newArena;
            block = newBlock;
        }
        return block.asSlice(0, newBytes);
    }

    @Override
    public boolean growsInPlace() { return false; }

    @Override
    public void release() { arena.close(); }

    /**
     * The allocation belongs to a shared arena that must be closed to be freed, so the action closes it; a
     * view that outlived its memory then throws {@link IllegalStateException}. The action holds a holder of
     * the current arena (it changes on grow), never the owner.
     */
    @Override
    public Cleaner.Cleanable registerCleanup(Cleaner cleaner, Object owner) {
        return cleaner.register(owner, live::close);
    }
}
