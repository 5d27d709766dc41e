/** Wasm linear memory on off-heap FFM segments. */
module dev.gatun.memory {
    exports dev.gatun.memory;
}
