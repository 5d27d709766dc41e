/*
 * An image resizer over stb_image_resize2.h (nothings/stb, see LICENSE): generates a deterministic RGBA
 * image (gradients plus a hashed noise texture, so no file I/O is needed), resizes it down and up with the
 * library's default filters, and prints a FNV-1a checksum of every output so engines can be compared.
 *
 * usage: resize [WIDTH [HEIGHT [ROUNDS]]]   (default 1536 1536 4)
 * Built twice for wasm32-wasi, with and without -msimd128 (stb_image_resize2 picks its wasm SIMD paths
 * from __wasm_simd128__), and natively with gcc -O2.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include "stb_image_resize2.h"

static uint32_t fnv1a(uint32_t h, const unsigned char *p, size_t n) {
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

static uint32_t mix(uint32_t x) {
    x ^= x >> 16; x *= 0x7feb352du; x ^= x >> 15; x *= 0x846ca68bu; x ^= x >> 16;
    return x;
}

int main(int argc, char **argv) {
    int w = argc > 1 ? atoi(argv[1]) : 1536;
    int h = argc > 2 ? atoi(argv[2]) : 1536;
    int rounds = argc > 3 ? atoi(argv[3]) : 4;
    unsigned char *src = malloc((size_t)w * h * 4);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            unsigned char *p = src + ((size_t)y * w + x) * 4;
            uint32_t n = mix((uint32_t)(y * w + x));
            p[0] = (unsigned char)(x * 255 / (w - 1));
            p[1] = (unsigned char)(y * 255 / (h - 1));
            p[2] = (unsigned char)((x ^ y) + (n & 31));
            p[3] = (unsigned char)(192 + (n >> 27));
        }
    /* Output sizes as fractions of the input: strong and mild downscales, an anisotropic one, an upscale. */
    static const int frac[4][4] = {{1, 4, 1, 4}, {3, 4, 2, 3}, {5, 6, 1, 2}, {6, 5, 6, 5}};
    uint32_t total = 2166136261u;
    for (int r = 0; r < rounds; r++)
        for (int k = 0; k < 4; k++) {
            int ow = w * frac[k][0] / frac[k][1], oh = h * frac[k][2] / frac[k][3];
            unsigned char *dst = stbir_resize_uint8_linear(src, w, h, 0, NULL, ow, oh, 0,
                                                           (k & 1) ? STBIR_RGBA_PM : STBIR_RGBA);
            if (!dst) { fprintf(stderr, "resize failed\n"); return 1; }
            uint32_t c = fnv1a(2166136261u, dst, (size_t)ow * oh * 4);
            if (r == 0) printf("%dx%d -> %dx%d: %08x\n", w, h, ow, oh, c);
            total = fnv1a(total, (unsigned char *)&c, 4);
            free(dst);
        }
    printf("rounds %d, checksum %08x\n", rounds, total);
    free(src);
    return 0;
}
