package dev.gatun.memory;

/** Wasm page arithmetic. */
public final class Pages {
    /** Bytes in one Wasm page. */
    public static final long PAGE_SIZE = 65536;
    /** Largest page count of a 32-bit memory. */
    public static final long MAX_PAGES_32 = 65536;

    private Pages() {}

    public static long toBytes(long pages) { return pages * PAGE_SIZE; }
}
