// memory.grow for the native build of the wasm kernels. The kernels keep pointers in 32-bit integers
// (base = old_pages << 16), as wasm32 code may, so the memory must sit below 4 GiB on a 64 KiB boundary.
// MAP_32BIT alone is not enough inside a JVM: its 1 GiB window is often taken, so probe the low 4 GiB in
// 16 MiB steps; MAP_FIXED_NOREPLACE fails on an occupied range instead of replacing it.
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/mman.h>

int gatun_native_memory_grow(unsigned pages) {
    size_t bytes = (size_t) pages << 16;
    for (uint64_t at = 1u << 24; at + bytes <= (1ull << 32); at += 1u << 24) {
        void *p = mmap((void *) (uintptr_t) at, bytes, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
        if (p == (void *) (uintptr_t) at) return (int) (at >> 16);
        if (p != MAP_FAILED) munmap(p, bytes); // a kernel before 4.17 took the address as a mere hint
    }
    return -1;
}
