package dev.gatun;

/**
 * Which edition of the WebAssembly specification a binary is decoded by. Wasm 3.0 (the default) made some
 * Wasm 2.0 errors valid encodings: u64 limits with an address-type flag (memory64), memory indices where
 * 2.0 reserved a zero byte and memargs that carry one (multi-memory), u64 memarg offsets, several
 * memories. {@link #WASM_2_0} keeps the 2.0 rules, for tools and test suites that need 2.0's verdicts.
 */
public enum WasmVersion {
    /** Wasm 2.0 (2022): one memory, 32-bit limits and offsets. */
    WASM_2_0,
    /** Wasm 3.0 (2025): the default. */
    WASM_3_0
}
