package dev.gatun.runtime;


/**
 * The numeric semantics both tiers share, where Wasm and Java differ: trapping integer division,
 * NaN-propagating min/max, quiet NaNs from rounding, trapping and saturating float-to-integer
 * truncation, unsigned integer-to-float conversion. The interpreter calls these, and so does compiled
 * code (by name, from {@code dev.gatun.compiler}).
 */
public final class Numerics {
    private Numerics() {}

    public static int divS(int x, int y) {
        if (y == 0) throw new WasmTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        if (y == -1 && x == Integer.MIN_VALUE) throw new WasmTrap(TrapKind.INTEGER_OVERFLOW);
        return x / y;
    }

    public static int divU(int x, int y) {
        if (y == 0) throw new WasmTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return Integer.divideUnsigned(x, y);
    }

    public static int remS(int x, int y) {
        if (y == 0) throw new WasmTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return y == -1 ? 0 : x % y;
    }

    public static int remU(int x, int y) {
        if (y == 0) throw new WasmTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return Integer.remainderUnsigned(x, y);
    }

    public static long divS(long x, long y) {
        if (y == 0) throw new WasmTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        if (y == -1 && x == Long.MIN_VALUE) throw new WasmTrap(TrapKind.INTEGER_OVERFLOW);
        return x / y;
    }

    public static long divU(long x, long y) {
        if (y == 0) throw new WasmTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return Long.divideUnsigned(x, y);
    }

    public static long remS(long x, long y) {
        if (y == 0) throw new WasmTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return y == -1 ? 0 : x % y;
    }

    public static long remU(long x, long y) {
        if (y == 0) throw new WasmTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return Long.remainderUnsigned(x, y);
    }

    /** Rounding returns a NaN operand as is; Wasm wants it quiet (an arithmetic NaN). */
    public static double quiet(double v) { return v != v ? Double.longBitsToDouble(Double.doubleToRawLongBits(v) | 0x0008_0000_0000_0000L) : v; }

    public static double trunc(double v) { return v < 0 ? Math.ceil(v) : Math.floor(v); }

    public static float fmin(float x, float y) { return x != x || y != y ? x + y : Math.min(x, y); }
    public static float fmax(float x, float y) { return x != x || y != y ? x + y : Math.max(x, y); }
    public static double dmin(double x, double y) { return x != x || y != y ? x + y : Math.min(x, y); }
    public static double dmax(double x, double y) { return x != x || y != y ? x + y : Math.max(x, y); }

    public static int truncI32(double v, boolean signed) {
        if (v != v) throw new WasmTrap(TrapKind.INVALID_CONVERSION);
        if (signed) {
            if (!(v > -2147483649.0 && v < 2147483648.0)) throw new WasmTrap(TrapKind.INTEGER_OVERFLOW);
            return (int) v;
        }
        if (!(v > -1.0 && v < 4294967296.0)) throw new WasmTrap(TrapKind.INTEGER_OVERFLOW);
        return (int) (long) v;
    }

    public static long truncI64(double v, boolean signed) {
        if (v != v) throw new WasmTrap(TrapKind.INVALID_CONVERSION);
        if (signed) {
            if (!(v >= -0x1p63 && v < 0x1p63)) throw new WasmTrap(TrapKind.INTEGER_OVERFLOW);
            return (long) v;
        }
        if (!(v > -1.0 && v < 0x1p64)) throw new WasmTrap(TrapKind.INTEGER_OVERFLOW);
        return v >= 0x1p63 ? (long) (v - 0x1p63) + Long.MIN_VALUE : (long) v;
    }

    /** Saturating unsigned truncation to 32 (as an int's bits) or 64 bits. */
    public static long satU64(double v, boolean to32) {
        if (!(v > -1.0)) return 0;
        if (to32) return v >= 4294967296.0 ? -1 : (long) v;
        if (v >= 0x1p64) return -1L;
        return v >= 0x1p63 ? (long) (v - 0x1p63) + Long.MIN_VALUE : (long) v;
    }

    public static float u64ToF32(long x) {
        if (x >= 0) return (float) x;
        return (float) ((x >>> 1) | (x & 1)) * 2f;
    }

    public static double u64ToF64(long x) {
        if (x >= 0) return (double) x;
        return (double) ((x >>> 1) | (x & 1)) * 2.0;
    }
}
