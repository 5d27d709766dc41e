package dev.gatun.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the binary format's LEB128 and vector encodings. */
final class ByteWriter {
    private byte[] a;
    private int n;

    ByteWriter() { this(64); }

    ByteWriter(int cap) { a = new byte[cap]; }

    int size() { return n; }

    private void ensure(int more) {
        if (n + more > a.length) a = Arrays.copyOf(a, Math.max(a.length * 2, n + more));
    }

    ByteWriter u8(int b) {
        ensure(1);
        a[n++] = (byte) b;
        return this;
    }

    ByteWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, a, n, b.length);
        n += b.length;
        return this;
    }

    ByteWriter bytes(ByteWriter b) {
        ensure(b.n);
        System.arraycopy(b.a, 0, a, n, b.n);
        n += b.n;
        return this;
    }

    ByteWriter u32(long v) { return u64(v & 0xFFFF_FFFFL); }

    ByteWriter u64(long v) {
        ensure(10);
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            a[n++] = (byte) (v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    ByteWriter s64(long v) {
        ensure(10);
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            a[n++] = (byte) (done ? b : b | 0x80);
            if (done) return this;
        }
    }

    ByteWriter s32(int v) { return s64(v); }

    ByteWriter le32(int v) {
        ensure(4);
        for (int i = 0; i < 4; i++) a[n++] = (byte) (v >>> (8 * i));
        return this;
    }

    ByteWriter le64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) a[n++] = (byte) (v >>> (8 * i));
        return this;
    }

    ByteWriter name(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u32(b.length);
        return bytes(b);
    }

    /** A length-prefixed copy of {@code b}. */
    ByteWriter sized(ByteWriter b) {
        u32(b.n);
        return bytes(b);
    }

    byte[] toArray() { return Arrays.copyOf(a, n); }
}
