// memory.grow for the native build of the wasm kernels. The kernels keep pointers in 32-bit integers
// (base = old_pages << 16), as wasm32 code may, so the memory must sit below 4 GiB and on a 64 KiB
// boundary: MAP_32BIT (x86-64 Linux) maps below 2 GiB, and the extra 64 KiB leaves room to align.
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/mman.h>

int gatun_native_memory_grow(unsigned pages) {
    size_t bytes = ((size_t) pages << 16) + 65536;
    void *p = mmap(0, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
    if (p == MAP_FAILED) return -1;
    return (int) ((((uintptr_t) p) + 65535) >> 16);
}
