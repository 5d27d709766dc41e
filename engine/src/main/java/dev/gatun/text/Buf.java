package dev.gatun.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the binary format's LEB128 and vector encodings. */
final class Buf {
    private byte[] a;
    private int n;

    Buf() { this(64); }

    Buf(int cap) { a = new byte[cap]; }

    int size() { return n; }

    private void ensure(int more) {
        if (n + more > a.length) a = Arrays.copyOf(a, Math.max(a.length * 2, n + more));
    }

    Buf u8(int b) {
        ensure(1);
        a[n++] = (byte) b;
        return this;
    }

    Buf bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, a, n, b.length);
        n += b.length;
        return this;
    }

    Buf bytes(Buf b) {
        ensure(b.n);
        System.arraycopy(b.a, 0, a, n, b.n);
        n += b.n;
        return this;
    }

    Buf u32(long v) { return u64(v & 0xFFFF_FFFFL); }

    Buf u64(long v) {
        ensure(10);
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            a[n++] = (byte) (v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    Buf s64(long v) {
        ensure(10);
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            a[n++] = (byte) (done ? b : b | 0x80);
            if (done) return this;
        }
    }

    Buf s32(int v) { return s64(v); }

    Buf le32(int v) {
        ensure(4);
        for (int i = 0; i < 4; i++) a[n++] = (byte) (v >>> (8 * i));
        return this;
    }

    Buf le64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) a[n++] = (byte) (v >>> (8 * i));
        return this;
    }

    Buf name(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u32(b.length);
        return bytes(b);
    }

    /** A length-prefixed copy of {@code b}. */
    Buf sized(Buf b) {
        u32(b.n);
        return bytes(b);
    }

    byte[] toArray() { return Arrays.copyOf(a, n); }
}
