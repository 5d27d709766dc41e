package dev.gatun.model;

/**
 * The binary encodings of types, as the spec's binary format names them: number, vector and packed types,
 * the abstract heap types (also the bytes of their shorthand reference types such as {@code funcref}),
 * the reference type prefixes, and the forms that start composite type definitions.
 */
public final class TypeCode {
    private TypeCode() {}

    public static final int I32 = 0x7F, I64 = 0x7E, F32 = 0x7D, F64 = 0x7C, V128 = 0x7B;
    /** Packed storage types of struct and array fields. */
    public static final int I8 = 0x78, I16 = 0x77;

    public static final int NOEXN = 0x74, NOFUNC = 0x73, NOEXTERN = 0x72, NONE = 0x71, FUNC = 0x70, EXTERN = 0x6F,
            ANY = 0x6E, EQ = 0x6D, I31 = 0x6C, STRUCT = 0x6B, ARRAY = 0x6A, EXN = 0x69;

    /** {@code (ref ht)} and {@code (ref null ht)}: the heap type follows. */
    public static final int REF = 0x64, REF_NULL = 0x63;

    /** Composite type forms: {@code func}, {@code struct}, {@code array}. */
    public static final int FUNC_TYPE = 0x60, STRUCT_TYPE = 0x5F, ARRAY_TYPE = 0x5E;

    /** The block type of a block without params or results. */
    public static final int EMPTY_BLOCK = 0x40;
}
