package dev.gatun.memory;

/** Wasm page arithmetic. */
public final class Pages {
    /** Bytes in one Wasm page. */
    public static final long PAGE_SIZE = 65536;
    /** Largest page count of a 32-bit memory. */
    public static final long MAX_PAGES_32 = 65536;
    /** Largest page count of a 64-bit memory: 2^48 pages are the whole 64-bit address space. */
    public static final long MAX_PAGES_64 = 1L << 48;

    private Pages() {}

    public static long toBytes(long pages) { return pages * PAGE_SIZE; }
}
