package dev.gatun.vector;

import java.util.SplittableRandom;

/** A v128 value for tests: lane getters over two longs, and a random generator biased to edge values. */
record V(long lo, long hi) {

    long raw(int lane, int width) {
        int perLong = 64 / width;
        long w = lane < perLong ? lo : hi;
        int sh = (lane % perLong) * width;
        return width == 64 ? w : (w >>> sh) & ((1L << width) - 1);
    }

    int i8(int i) { return (byte) raw(i, 8); }
    int u8(int i) { return (int) raw(i, 8); }
    int i16(int i) { return (short) raw(i, 16); }
    int u16(int i) { return (int) raw(i, 16); }
    int i32(int i) { return (int) raw(i, 32); }
    long u32(int i) { return raw(i, 32); }
    long i64(int i) { return raw(i, 64); }
    float f32(int i) { return Float.intBitsToFloat(i32(i)); }
    double f64(int i) { return Double.longBitsToDouble(i64(i)); }

    /** Builds a value lane by lane; each set keeps the low {@code width} bits. */
    static final class Builder {
        long lo, hi;
        final int width;

        Builder(int width) { this.width = width; }

        Builder set(int lane, long v) {
            int perLong = 64 / width;
            int sh = (lane % perLong) * width;
            long m = width == 64 ? -1L : ((1L << width) - 1) << sh;
            long x = (v << sh) & m;
            if (lane < perLong) lo = (lo & ~m) | x; else hi = (hi & ~m) | x;
            return this;
        }

        Builder setF32(int lane, float f) { return set(lane, Float.floatToRawIntBits(f)); }
        Builder setF64(int lane, double d) { return set(lane, Double.doubleToRawLongBits(d)); }

        V build() { return new V(lo, hi); }
    }

    static Builder of(int width) { return new Builder(width); }

    // ---------------------------------------------------------------- random generation

    static final long[] EDGE8 = {0, 1, -1, 127, -128, 126, -127, 0x55, 0xAA, 2, 64, -64, 0x80, 0xFF, 16, 15, 31, 32};
    static final long[] EDGE16 = {0, 1, -1, 32767, -32768, 32766, -32767, 255, 256, 0x4000, -0x4000, 0x7F, 0x80, 0xFF,
        -129, 128, -255, 0x8000, 0xFFFF, 0x5555, 0xAAAA};
    static final long[] EDGE32 = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1,
        Integer.MIN_VALUE + 1, 32767, -32768, 32768, -32769, 65535, 65536, 0xFFFF_8000L, 127, -128, 255, 256,
        0x0001_0000, 0x7FFF_0000, 0x8000_0000L, 0x8000_8000L};
    static final long[] EDGE64 = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 0xFFFF_FFFFL, 0x1_0000_0000L, 0x8000_0000L, -0x8000_0000L - 1};
    static final float[] EDGEF = {0f, -0f, 1f, -1f, 0.5f, -0.5f, 1.5f, -1.5f, 2.5f, -2.5f, 0.49999997f, -0.49999997f,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE,
        -Float.MIN_VALUE, Float.MIN_NORMAL, 0x1p23f, -0x1p23f, 0x1p23f - 0.5f, -(0x1p23f - 0.5f), 0x1p23f + 1,
        0x1p22f + 0.5f, -0x1p22f - 0.5f, 0x1p24f, 2147483647f, 2147483648f, -2147483648f, -2147483904f, 4294967296f,
        4294967040f, -0.99999994f, 0.99999994f, 1e-40f, 3.4e38f, 123456.789f, -7.5f, 8388609f, 16777217f};
    static final int[] NANF = {0x7FC0_0000, 0xFFC0_0000, 0x7FA0_0000, 0xFFA0_0000, 0x7F80_0001, 0xFF80_0001,
        0x7FC0_0001, 0x7FFF_FFFF, 0xFFFF_FFFF, 0x7F90_1234};
    static final double[] EDGED = {0d, -0d, 1d, -1d, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994,
        -0.49999999999999994, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 0x1p52, -0x1p52, 0x1p52 - 0.5,
        -(0x1p52 - 0.5), 0x1p52 + 1, 0x1p51 + 0.5, 0x1p53, 2147483647d, 2147483647.5, 2147483648d, -2147483648d,
        -2147483648.5, -2147483649d, 4294967295d, 4294967295.5, 4294967296d, -0.9999999999999999, 3.4028235e38,
        3.4028235677973366e38, 3.4028234663852886e38, 1e-46, 1.401298464324817e-45, 7.006492321624085e-46,
        1e300, -1e300, 0.1, 16777217d, 1.0000000596046448};
    static final long[] NAND = {0x7FF8_0000_0000_0000L, 0xFFF8_0000_0000_0000L, 0x7FF4_0000_0000_0000L,
        0xFFF4_0000_0000_0000L, 0x7FF0_0000_0000_0001L, 0xFFF0_0000_0000_0001L, 0x7FF8_0000_0000_0001L,
        0x7FFF_FFFF_FFFF_FFFFL, 0x7FF0_0000_2000_0000L};

    /** A random v128 whose lanes of {@code width} bits are biased to that width's edge values. */
    static V random(SplittableRandom r, int width, boolean fp) {
        Builder b = of(width);
        for (int i = 0; i < 128 / width; i++) {
            b.set(i, lane(r, width, fp));
        }
        return b.build();
    }

    static long lane(SplittableRandom r, int width, boolean fp) {
        int k = r.nextInt(10);
        if (fp && width == 32) {
            if (k < 4) return Float.floatToRawIntBits(EDGEF[r.nextInt(EDGEF.length)]);
            if (k < 5) return NANF[r.nextInt(NANF.length)];
            if (k < 8) return Float.floatToRawIntBits((float) ((r.nextDouble() - 0.5) * Math.pow(2, r.nextInt(-8, 40))));
            return r.nextInt();
        }
        if (fp && width == 64) {
            if (k < 4) return Double.doubleToRawLongBits(EDGED[r.nextInt(EDGED.length)]);
            if (k < 5) return NAND[r.nextInt(NAND.length)];
            if (k < 8) return Double.doubleToRawLongBits((r.nextDouble() - 0.5) * Math.pow(2, r.nextInt(-8, 70)));
            return r.nextLong();
        }
        long[] edge = switch (width) {
            case 8 -> EDGE8;
            case 16 -> EDGE16;
            case 32 -> EDGE32;
            default -> EDGE64;
        };
        if (k < 4) return edge[r.nextInt(edge.length)];
        if (k < 6) return r.nextInt(-40, 40);
        return r.nextLong();
    }

    @Override
    public String toString() {
        return String.format("[%016x %016x]", hi, lo);
    }
}
