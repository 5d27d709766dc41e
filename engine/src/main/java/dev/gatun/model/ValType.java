package dev.gatun.model;

/**
 * A Wasm value type ({@code valtype} in the spec).
 * <p>The engine's own twin of {@code dev.gatun.ValType}, which the API converts to and from.
 */
public enum ValType {
    I32(TypeCode.I32), I64(TypeCode.I64), F32(TypeCode.F32), F64(TypeCode.F64), V128(TypeCode.V128),
    FUNCREF(TypeCode.FUNC), EXTERNREF(TypeCode.EXTERN),
    /** A reference to a caught exception (exception handling): {@code (ref null exn)}. */
    EXNREF(TypeCode.EXN),
    /** A reference in the {@code any} hierarchy (GC): {@code (ref null any)}, structs, arrays, i31. */
    ANYREF(TypeCode.ANY);

    private final int code;

    ValType(int code) { this.code = code; }

    /** The binary encoding of this type. */
    public int code() { return code; }

    public boolean isReference() { return this == FUNCREF || this == EXTERNREF || this == EXNREF || this == ANYREF; }

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
