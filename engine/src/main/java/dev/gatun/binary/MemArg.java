package dev.gatun.binary;

/**
 * A memory instruction's {@code memarg}: alignment exponent, memory index and offset. Wasm 3.0 encodes it
 * as a u32 of flags (bits 0-5 the alignment exponent, bit 6 "a memory index follows", for multi-memory),
 * the optional u32 memory index, and a u64 offset (memory64; a 32-bit memory's offset above 2^32-1 is a
 * validation error, not a decoding one). Flags of 128 and more are malformed.
 *
 * <p>The decoder reads memargs with this class, and so does every later pass over a checked body (the
 * validator, both tiers, the printer), so the encoding lives here once.
 *
 * @param align  the alignment exponent (0..63)
 * @param memory the memory index (0 when the flags do not carry one)
 * @param offset the offset, an unsigned 64-bit value
 */
public record MemArg(int align, int memory, long offset) {
    /** The flag bit that says a memory index follows the flags. */
    public static final int MEMIDX_FLAG = 0x40;

    /** Reads a memarg; malformed when the flags are 128 or more. */
    public static MemArg read(WasmReader r) { return read(r, false); }

    /**
     * Reads a memarg by the rules of Wasm 3.0, or of Wasm 2.0 when {@code wasm2}: then there is one memory,
     * flags of 32 and more are malformed and the offset is a u32 (see {@code ModuleDecoder}'s profiles).
     */
    static MemArg read(WasmReader r, boolean wasm2) {
        long at = r.offset();
        int flags = r.u32();
        if (flags < 0 || flags >= (wasm2 ? 32 : 2 * MEMIDX_FLAG)) throw r.malformedAt(at, "malformed memop flags");
        int memory = (flags & MEMIDX_FLAG) != 0 ? r.u32() : 0;
        long offset = wasm2 ? r.u32() & 0xFFFF_FFFFL : r.u64();
        return new MemArg(flags & (MEMIDX_FLAG - 1), memory, offset);
    }
}
