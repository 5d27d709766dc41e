package dev.gatun.wasi;

import java.lang.foreign.MemorySegment;

/**
 * The guest's linear memory as the WASI functions see it. Fetched afresh on every call because the guest
 * may have grown (and so replaced) its memory since the last one.
 */
@FunctionalInterface
interface GuestMemory {
    MemorySegment segment();
}
