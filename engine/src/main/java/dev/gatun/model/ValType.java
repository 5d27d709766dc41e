package dev.gatun.model;

/**
 * A Wasm value type ({@code valtype} in the spec).
 * <p>The engine's own twin of {@code dev.gatun.ValType}, which the API converts to and from.
 */
public enum ValType {
    I32(0x7F), I64(0x7E), F32(0x7D), F64(0x7C), V128(0x7B), FUNCREF(0x70), EXTERNREF(0x6F);

    private final int code;

    ValType(int code) { this.code = code; }

    /** The binary encoding of this type. */
    public int code() { return code; }

    public boolean isReference() { return this == FUNCREF || this == EXTERNREF; }

    /** The type with binary encoding {@code code}, or null when the byte encodes no value type. */
    public static ValType fromCode(int code) {
        return switch (code) {
            case 0x7F -> I32; case 0x7E -> I64; case 0x7D -> F32; case 0x7C -> F64;
            case 0x7B -> V128; case 0x70 -> FUNCREF; case 0x6F -> EXTERNREF;
            default -> null;
        };
    }

    /** The name used in the text format: {@code i32}, {@code funcref}, ... */
    @Override
    public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
}
