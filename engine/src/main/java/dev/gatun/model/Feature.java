package dev.gatun.model;

/** The proposal an instruction came from; the decoder accepts the features the engine runs. */
public enum Feature {
    /** Wasm 1.0. */
    MVP,
    // Wasm 2.0
    SIGN_EXTENSION, SAT_CONVERSIONS, BULK_MEMORY, REFERENCE_TYPES, SIMD,
    // Wasm 3.0
    TAIL_CALL, EXCEPTIONS, FUNCTION_REFERENCES, GC, RELAXED_SIMD,
    /** The phase-3 exception instructions ({@code try}, {@code catch}, {@code delegate}, {@code rethrow}) clang still emits. */
    LEGACY_EXCEPTIONS,
    // Beyond 3.0
    THREADS, WIDE_ARITHMETIC,
    /** Custom descriptors (a GC follow-up): descriptor types, exact references and the casts that use them. */
    CUSTOM_DESCRIPTORS
}
