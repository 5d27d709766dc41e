// Force-included (gcc -include) when the wasm kernels build as a native library: memory.grow becomes a
// fresh mapping, see wasm_shim.c.
int gatun_native_memory_grow(unsigned pages);
#define __builtin_wasm_memory_grow(index, delta) gatun_native_memory_grow(delta)
