package dev.gatun;

/** A Wasm value type ({@code valtype} in the spec). */
public enum ValType {
    I32(0x7F), I64(0x7E), F32(0x7D), F64(0x7C), V128(0x7B), FUNCREF(0x70), EXTERNREF(0x6F),
    /** A reference to a caught exception (exception handling, Wasm 3.0): {@code (ref null exn)}. */
    EXNREF(0x69),
    /** A reference of the {@code any} hierarchy (GC, Wasm 3.0): {@code (ref null any)}: structs, arrays, i31, host values. */
    ANYREF(0x6E);

    private final int code;

    ValType(int code) { this.code = code; }

    /** The binary encoding of this type. */
    public int code() { return code; }

    public boolean isReference() { return this == FUNCREF || this == EXTERNREF || this == EXNREF || this == ANYREF; }

    public boolean isNumeric() { return this == I32 || this == I64 || this == F32 || this == F64; }

    /** The type with binary encoding {@code code}, or null when the byte encodes no value type. */
    public static ValType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    private static final ValType[] BY_CODE = new ValType[128];

    static {
        for (ValType t : values()) BY_CODE[t.code] = t;
    }

    /** The name used in the text format: {@code i32}, {@code funcref}, ... */
    @Override
    public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
}
