package dev.gatun.text;

import dev.gatun.model.CompileFailure;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The printer's own cursor over module bytes, with the spec's LEB128 limits, so that it does not depend on
 * the decoder's internal packages. Every failure is a {@link CompileFailure} of kind MALFORMED at the absolute
 * module offset.
 */
final class PrintCursor {
    final byte[] buf;
    int pos;
    int limit;

    PrintCursor(byte[] buf, int from, int limit) {
        this.buf = buf;
        this.pos = from;
        this.limit = limit;
    }

    boolean atEnd() { return pos >= limit; }

    CompileFailure malformed(String reason) { return malformedAt(pos, reason); }

    static CompileFailure malformedAt(long offset, String reason) {
        return new CompileFailure(CompileFailure.Kind.MALFORMED, offset, reason);
    }

    int u8() {
        if (pos >= limit) throw malformed("unexpected end");
        return buf[pos++] & 0xFF;
    }

    int peek() { return pos < limit ? buf[pos] & 0xFF : -1; }

    byte[] bytes(int n) {
        if (n < 0 || n > limit - pos) throw malformed("unexpected end");
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** u32 as a non-negative long (counts and indices up to 2^32-1 are legal in the binary format). */
    long u32L() { return unsigned(32); }

    /** u32 that is a count or an index the printer must hold: above Integer.MAX_VALUE cannot be satisfied by any input. */
    int u32() {
        int at = pos;
        long v = u32L();
        if (v > Integer.MAX_VALUE) throw malformedAt(at, "length out of bounds");
        return (int) v;
    }

    /** A vector length: each element takes at least one byte, so a longer claim than the bytes left is malformed. */
    int count() {
        int at = pos;
        long v = u32L();
        if (v > limit - pos) throw malformedAt(at, "length out of bounds");
        return (int) v;
    }

    long u64() { return unsigned(64); }

    private long unsigned(int bits) {
        int maxBytes = (bits + 6) / 7;
        long result = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = u8();
            if (i == maxBytes - 1) {
                if ((b & 0x80) != 0) throw malformedAt(pos - 1, "integer representation too long");
                int used = bits - 7 * i;
                if (used < 7 && (b >> used) != 0) throw malformedAt(pos - 1, "integer too large");
            }
            result |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) return result;
        }
        throw malformed("integer representation too long");
    }

    int s32() { return (int) signed(32); }

    long s33() { return signed(33); }

    long s64() { return signed(64); }

    private long signed(int bits) {
        int maxBytes = (bits + 6) / 7;
        long result = 0;
        int shift = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = u8();
            if (i == maxBytes - 1) {
                if ((b & 0x80) != 0) throw malformedAt(pos - 1, "integer representation too long");
                // The bits of the last byte above the integer's width must repeat its sign bit.
                int used = bits - 7 * i;
                int rest = (b & 0x7F) >> (used - 1);
                if (rest != 0 && rest != (1 << (8 - used)) - 1) throw malformedAt(pos - 1, "integer too large");
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

    int i32le() {
        if (limit - pos < 4) { pos = limit; throw malformed("unexpected end"); }
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    long i64le() {
        long lo = i32le() & 0xFFFF_FFFFL;
        return lo | (i32le() & 0xFFFF_FFFFL) << 32;
    }

    /** A name: a byte vector that must be valid UTF-8. */
    String name() {
        int n = u32();
        int at = pos;
        byte[] b = bytes(n);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw malformedAt(at, "malformed UTF-8 encoding");
        }
    }
}
