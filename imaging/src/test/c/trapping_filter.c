/* A filter that traps on purpose: it inverts the frame, unless the frame's first byte is 13, where it runs
 * into an unreachable instruction. The pipeline tests mark one frame this way and expect the pipeline to
 * name that frame, and the JVM to carry on. */
#include <stdint.h>

__attribute__((export_name("filter"))) void filter(uint8_t *px, uint32_t width, uint32_t height, uint32_t stride) {
    if (px[0] == 13) __builtin_trap();
    for (uint32_t y = 0; y < height; y++)
        for (uint32_t x = 0; x < width * 4; x++) px[(uint64_t)y * stride + x] ^= 0xff;
}

/* No libc here: a bump allocator is all the tests need. */
extern unsigned char __heap_base;
static uintptr_t next = (uintptr_t)&__heap_base;

__attribute__((export_name("alloc"))) void *alloc(uint32_t size) {
    uintptr_t p = (next + 15) & ~(uintptr_t)15;
    uintptr_t end = p + size, have = __builtin_wasm_memory_size(0) * 65536u;
    if (end > have && __builtin_wasm_memory_grow(0, (end - have + 65535) / 65536) == (uintptr_t)-1) return 0;
    next = end;
    return (void *)p;
}

__attribute__((export_name("dealloc"))) void dealloc(void *p) { (void)p; }
