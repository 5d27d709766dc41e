package dev.gatun.binary;

import dev.gatun.model.CompileFailure;

/**
 * Cursor over a byte array with the spec's LEB128 rules: at most ceil(N/7) bytes for an N-bit integer,
 * and unused bits of the last byte must be zero (unsigned) or a sign extension (signed).
 * Errors are {@link CompileFailure}s of kind MALFORMED at the absolute offset {@code base + pos}.
 */
public final class WasmReader {
    private final byte[] buf;
    private final int limit;
    private final long base;
    private int pos;

    /** Reads {@code buf[from, limit)}; {@code base} is the module offset of {@code buf[0]}. */
    public WasmReader(byte[] buf, int from, int limit, long base) {
        this.buf = buf;
        this.pos = from;
        this.limit = limit;
        this.base = base;
    }

    public WasmReader(byte[] buf) { this(buf, 0, buf.length, 0); }

    public int pos() { return pos; }

    public void pos(int p) { pos = p; }

    public int limit() { return limit; }

    /** Absolute module offset of the cursor. */
    public long offset() { return base + pos; }

    public boolean atEnd() { return pos >= limit; }

    public int remaining() { return limit - pos; }

    public byte[] buffer() { return buf; }

    public CompileFailure malformed(String reason) {
        return new CompileFailure(CompileFailure.Kind.MALFORMED, offset(), reason);
    }

    public CompileFailure malformedAt(long offset, String reason) {
        return new CompileFailure(CompileFailure.Kind.MALFORMED, offset, reason);
    }

    /** The next byte without consuming it, or -1 at the end. */
    public int peek() { return pos < limit ? buf[pos] & 0xFF : -1; }

    public int u8() {
        if (pos >= limit) throw malformed("unexpected end");
        return buf[pos++] & 0xFF;
    }

    public byte[] bytes(int n) {
        if (n < 0 || n > limit - pos) throw malformed("unexpected end");
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    public void skip(int n) {
        if (n < 0 || n > limit - pos) throw malformed("unexpected end");
        pos += n;
    }

    /** u32 LEB128. */
    public int u32() {
        // Fast path: most indices and counts fit in one byte.
        if (pos < limit) {
            int b = buf[pos];
            if (b >= 0) { pos++; return b; }
        }
        long result = 0;
        int shift = 0;
        for (int i = 0; i < 5; i++) {
            int b = u8();
            // Like the reference interpreter: a fifth byte that continues is "too long" before "too large".
            if (i == 4 && (b & 0x80) != 0) throw malformedAt(offset() - 1, "integer representation too long");
            if (i == 4 && (b & 0x70) != 0) throw malformedAt(offset() - 1, "integer too large");
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return (int) result;
            shift += 7;
        }
        throw malformed("integer representation too long");
    }

    /** u64 LEB128 (memory64 offsets and limits): the 64 bits, unsigned. */
    public long u64() {
        long result = 0;
        int shift = 0;
        for (int i = 0; i < 10; i++) {
            int b = u8();
            if (i == 9 && (b & 0x80) != 0) throw malformedAt(offset() - 1, "integer representation too long");
            if (i == 9 && (b & 0x7E) != 0) throw malformedAt(offset() - 1, "integer too large");
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
            shift += 7;
        }
        throw malformed("integer representation too long");
    }

    /** s32 LEB128. */
    public int s32() {
        return (int) signed(32);
    }

    /** s64 LEB128. */
    public long s64() {
        return signed(64);
    }

    /** s33 LEB128, as used by block types; returned as a long. */
    public long s33() {
        return signed(33);
    }

    private long signed(int bits) {
        int maxBytes = (bits + 6) / 7;
        long result = 0;
        int shift = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = u8();
            if (i == maxBytes - 1) {
                if ((b & 0x80) != 0) throw malformedAt(offset() - 1, "integer representation too long");
                // Bits of the last byte beyond the integer's width must all equal its sign bit.
                int usedBits = bits - 7 * (maxBytes - 1);           // 1..7 payload bits in this byte
                int rest = (b & 0x7F) >> (usedBits - 1);            // sign bit and the unused bits above it
                int allOnes = (1 << (8 - usedBits)) - 1;
                if (rest != 0 && rest != allOnes) throw malformedAt(offset() - 1, "integer too large");
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                if (shift < 64 && (b & 0x40) != 0) result |= -1L << shift;
                return result;
            }
        }
        throw malformed("integer representation too long");
    }

    public int f32bits() {
        if (limit - pos < 4) { pos = limit; throw malformed("unexpected end"); }
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    public long f64bits() {
        long lo = f32bits() & 0xFFFF_FFFFL;
        long hi = f32bits() & 0xFFFF_FFFFL;
        return lo | hi << 32;
    }

    /** A 16-byte little-endian value as its low 64 bits; read {@link #i64le()} again for the high half. */
    public long i64le() { return f64bits(); }
}
