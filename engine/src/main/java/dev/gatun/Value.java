package dev.gatun;

/**
 * A Wasm value crossing the Java boundary. Floats are carried as raw bits so NaN payloads survive.
 * References: a {@code funcref} holds a {@link Function} (or null), an {@code externref} any Java object (or null).
 */
public sealed interface Value {
    ValType type();

    record I32(int value) implements Value {
        public ValType type() { return ValType.I32; }
    }

    record I64(long value) implements Value {
        public ValType type() { return ValType.I64; }
    }

    record F32(int bits) implements Value {
        public ValType type() { return ValType.F32; }
        public float value() { return Float.intBitsToFloat(bits); }
    }

    record F64(long bits) implements Value {
        public ValType type() { return ValType.F64; }
        public double value() { return Double.longBitsToDouble(bits); }
    }

    /** A v128: {@code lo} holds bytes 0-7 and {@code hi} bytes 8-15, little-endian. */
    record V128(long lo, long hi) implements Value {
        public ValType type() { return ValType.V128; }
    }

    record FuncRef(Function function) implements Value {
        public ValType type() { return ValType.FUNCREF; }
        public boolean isNull() { return function == null; }
    }

    record ExternRef(Object object) implements Value {
        public ValType type() { return ValType.EXTERNREF; }
        public boolean isNull() { return object == null; }
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
            case EXNREF -> throw new IllegalArgumentException("no exnref value crosses to Java (as in the JS API)");
        };
    }
}
