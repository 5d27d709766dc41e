package dev.gatun;

/**
 * A Wasm value crossing the Java boundary. Floats are carried as raw bits so NaN payloads survive.
 * References: a {@code funcref} holds a {@link Function} (or null), an {@code externref} any Java object (or null).
 */
public sealed interface Value {
    ValType type();

    record I32(int value) implements Value {
        public ValType type() { return ValType.I32; }
        /** The value read as unsigned, as a Wasm pointer or {@code i32.lt_u} sees it. */
        public long unsignedValue() { return Integer.toUnsignedLong(value); }
        @Override public String toString() { return "i32 " + value; }
    }

    record I64(long value) implements Value {
        public ValType type() { return ValType.I64; }
        @Override public String toString() { return "i64 " + value; }
    }

    /** An f32, carried as its bits; {@link #toString()} prints the number (and a NaN's payload). */
    record F32(int bits) implements Value {
        public ValType type() { return ValType.F32; }
        public float value() { return Float.intBitsToFloat(bits); }
        @Override public String toString() {
            float f = value();
            return "f32 " + (Float.isNaN(f) ? "nan:0x" + Integer.toHexString(bits & 0x7F_FFFF) : Float.toString(f));
        }
    }

    /** An f64, carried as its bits; {@link #toString()} prints the number (and a NaN's payload). */
    record F64(long bits) implements Value {
        public ValType type() { return ValType.F64; }
        public double value() { return Double.longBitsToDouble(bits); }
        @Override public String toString() {
            double d = value();
            return "f64 " + (Double.isNaN(d) ? "nan:0x" + Long.toHexString(bits & 0xF_FFFF_FFFF_FFFFL) : Double.toString(d));
        }
    }

    /**
     * A v128: {@code lo} holds bytes 0-7 and {@code hi} bytes 8-15, little-endian. The lane accessors
     * number lanes as Wasm does (lane 0 in the lowest bytes); {@link #toString()} prints the i32 lanes.
     */
    record V128(long lo, long hi) implements Value {
        public ValType type() { return ValType.V128; }

        /** Lane {@code i} (0-15) of the i8x16 view. */
        public byte i8(int i) { return (byte) (half(i, 16) >>> (8 * (i & 7))); }
        /** Lane {@code i} (0-7) of the i16x8 view. */
        public short i16(int i) { return (short) (half(i, 8) >>> (16 * (i & 3))); }
        /** Lane {@code i} (0-3) of the i32x4 view. */
        public int i32(int i) { return (int) (half(i, 4) >>> (32 * (i & 1))); }
        /** Lane {@code i} (0-1) of the i64x2 view. */
        public long i64(int i) { return half(i, 2); }
        /** Lane {@code i} (0-3) of the f32x4 view. */
        public float f32(int i) { return Float.intBitsToFloat(i32(i)); }
        /** Lane {@code i} (0-1) of the f64x2 view. */
        public double f64(int i) { return Double.longBitsToDouble(i64(i)); }

        /** The 16 bytes, in memory order. */
        public byte[] bytes() {
            byte[] b = new byte[16];
            for (int i = 0; i < 16; i++) b[i] = i8(i);
            return b;
        }

        /** A v128 of four i32 lanes, lane 0 first. */
        public static V128 ofI32(int l0, int l1, int l2, int l3) {
            return new V128(Integer.toUnsignedLong(l0) | (long) l1 << 32, Integer.toUnsignedLong(l2) | (long) l3 << 32);
        }

        /** The half holding lane i of an n-lane view. */
        private long half(int i, int lanes) {
            java.util.Objects.checkIndex(i, lanes);
            return i < lanes / 2 ? lo : hi;
        }

        @Override public String toString() { return "v128 i32x4 " + i32(0) + " " + i32(1) + " " + i32(2) + " " + i32(3); }
    }

    record FuncRef(Function function) implements Value {
        public ValType type() { return ValType.FUNCREF; }
        public boolean isNull() { return function == null; }
        @Override public String toString() { return function == null ? "ref.null func" : "funcref " + function; }
    }

    record ExternRef(Object object) implements Value {
        public ValType type() { return ValType.EXTERNREF; }
        public boolean isNull() { return object == null; }
        @Override public String toString() { return object == null ? "ref.null extern" : "externref " + object; }
    }

    /**
     * A reference of the {@code any} hierarchy: a struct, array or i31 Wasm code made (opaque to Java, which
     * can pass it back but not look inside or make one), or a host value, as {@code any.convert_extern}
     * makes of an externref; null for {@code ref.null any}.
     */
    record AnyRef(Object reference) implements Value {
        public ValType type() { return ValType.ANYREF; }
        public boolean isNull() { return reference == null; }
        @Override public String toString() { return reference == null ? "ref.null any" : "anyref " + reference; }
    }

    /**
     * An exception reference: an exception Wasm code caught ({@code catch_ref}), opaque to Java, which can
     * pass it back to be rethrown; null for {@code ref.null exn}.
     */
    record ExnRef(Object exception) implements Value {
        public ValType type() { return ValType.EXNREF; }
        public boolean isNull() { return exception == null; }
        @Override public String toString() { return exception == null ? "ref.null exn" : "exnref"; }
    }

    static Value i32(int v) { return new I32(v); }
    static Value i64(long v) { return new I64(v); }
    static Value f32(float v) { return new F32(Float.floatToRawIntBits(v)); }
    static Value f64(double v) { return new F64(Double.doubleToRawLongBits(v)); }
    static Value f32Bits(int bits) { return new F32(bits); }
    static Value f64Bits(long bits) { return new F64(bits); }
    static Value v128(long lo, long hi) { return new V128(lo, hi); }
    static Value funcref(Function f) { return new FuncRef(f); }
    static Value externref(Object o) { return new ExternRef(o); }
    static Value anyref(Object o) { return new AnyRef(o); }
    static Value exnref(Object o) { return new ExnRef(o); }

    /** The default (zero or null) value of a type. */
    static Value zero(ValType t) {
        return switch (t) {
            case I32 -> new I32(0);
            case I64 -> new I64(0);
            case F32 -> new F32(0);
            case F64 -> new F64(0);
            case V128 -> new V128(0, 0);
            case FUNCREF -> new FuncRef(null);
            case EXTERNREF -> new ExternRef(null);
            case ANYREF -> new AnyRef(null);
            case EXNREF -> new ExnRef(null);
        };
    }
}
