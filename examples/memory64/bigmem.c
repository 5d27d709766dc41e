/*
 * A program for a 64-bit (memory64) linear memory larger than 4 GiB. run(mib) grows the memory by
 * `mib` MiB, writes one record in every 64 KiB block of it (so the addresses span the whole range while
 * only one OS page per block gets touched), reads the records back in a scrambled order, moves a 1 MiB
 * block from the start to the very end with memmove (memory.copy across the 4 GiB line), and reports
 * checksums through emit(). Built natively (main below) the same code prints the same numbers, which the
 * test compares with Gatun's output.
 *
 * wasm64: clang-19 --target=wasm64-unknown-unknown, freestanding (there is no wasm64 libc), the output
 * function imported from the host. See build.sh.
 */
#include <stddef.h>
#include <stdint.h>

#ifdef __wasm__
__attribute__((import_module("env"), import_name("emit"))) void emit(uint64_t value);
extern unsigned char __heap_base;

/* The whole grown range, from the end of the static data: memory.grow in 64 KiB pages. */
static unsigned char *allocate(uint64_t bytes) {
    uintptr_t heap = ((uintptr_t) &__heap_base + 65535) & ~(uintptr_t) 65535;
    uintptr_t have = __builtin_wasm_memory_size(0) * 65536;
    uint64_t need = heap + bytes;
    if (need > have && __builtin_wasm_memory_grow(0, (need - have + 65535) / 65536) == (size_t) -1) return 0;
    return (unsigned char *) heap;
}
#else
#include <stdio.h>
#include <stdlib.h>
static void emit(uint64_t value) { printf("%llu\n", (unsigned long long) value); }
static unsigned char *allocate(uint64_t bytes) { return calloc(1, bytes); }
#endif

static uint64_t mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    return x ^ (x >> 33);
}

/* Where in block k its record sits: 8-byte aligned, anywhere in the block. */
static uint64_t slot(uint64_t k) { return (mix(k) % (65536 - 8)) & ~(uint64_t) 7; }

uint64_t run(uint64_t mib) {
    uint64_t bytes = mib << 20;
    unsigned char *base = allocate(bytes);
    if (!base) {
        emit(0);
        return 0;
    }
    uint64_t blocks = bytes / 65536;
    for (uint64_t k = 0; k < blocks; k++) *(uint64_t *) (base + k * 65536 + slot(k)) = mix(k + 1);

    /* Read back in a scrambled order: i * 65521 mod blocks visits every block once (65521 is prime and
       does not divide the block counts used). */
    uint64_t sum = 0;
    for (uint64_t i = 0, k = 0; i < blocks; i++, k = (k + 65521) % blocks) {
        uint64_t v = *(uint64_t *) (base + k * 65536 + slot(k));
        if (v != mix(k + 1)) {
            emit(1000000 + k);
            return 0;
        }
        sum += v ^ k;
    }

    /* memmove the first MiB to the last one: for a big run, from below 4 GiB to above it. */
    uint64_t mb = 1 << 20;
    __builtin_memmove(base + bytes - mb, base, mb);
    uint64_t tail = 0;
    for (uint64_t off = 0; off < mb; off += 4096) tail = tail * 31 + *(uint64_t *) (base + bytes - mb + off);

    emit(blocks);
    emit(sum);
    emit(tail);
    return sum;
}

#ifndef __wasm__
int main(int argc, char **argv) {
    run(argc > 1 ? strtoull(argv[1], 0, 10) : 64);
    return 0;
}
#endif
