/** Wasm fixed-width SIMD on the Vector API. */
module dev.gatun.vector {
    requires transitive dev.gatun.memory;
    requires jdk.incubator.vector;
    exports dev.gatun.vector;
}
