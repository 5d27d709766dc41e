/* In-place RGBA8 filters, following the convention filter(pixels, width, height, stride, ...): rows are
 * `stride` bytes apart, alpha is kept. The same file builds to wasm (filters.wasm) and natively (the
 * benchmark's FFM baseline), and bench's Java versions do the same integer arithmetic, so all three agree
 * byte for byte. */
#include "gatun_image.h"
#include <stdlib.h>
#include <string.h>

void *gatun_alloc(uint32_t size) { return malloc(size ? size : 1); }
void gatun_dealloc(void *p) { free(p); }

/* Rec. 601 luma in 8.8 fixed point. */
GATUN_EXPORT(grayscale) void grayscale(uint8_t *px, uint32_t width, uint32_t height, uint32_t stride) {
    for (uint32_t y = 0; y < height; y++) {
        uint8_t *p = px + (size_t)y * stride;
        for (uint32_t x = 0; x < width; x++, p += 4) {
            uint32_t l = (77u * p[0] + 150u * p[1] + 29u * p[2] + 128u) >> 8;
            p[0] = p[1] = p[2] = (uint8_t)l;
        }
    }
}

GATUN_EXPORT(sepia) void sepia(uint8_t *px, uint32_t width, uint32_t height, uint32_t stride) {
    for (uint32_t y = 0; y < height; y++) {
        uint8_t *p = px + (size_t)y * stride;
        for (uint32_t x = 0; x < width; x++, p += 4) {
            uint32_t r = p[0], g = p[1], b = p[2];
            uint32_t nr = (101u * r + 197u * g + 48u * b) >> 8;
            uint32_t ng = (89u * r + 176u * g + 43u * b) >> 8;
            uint32_t nb = (70u * r + 137u * g + 34u * b) >> 8;
            p[0] = (uint8_t)(nr > 255 ? 255 : nr);
            p[1] = (uint8_t)(ng > 255 ? 255 : ng);
            p[2] = (uint8_t)(nb > 255 ? 255 : nb);
        }
    }
}

GATUN_EXPORT(invert) void invert(uint8_t *px, uint32_t width, uint32_t height, uint32_t stride) {
    for (uint32_t y = 0; y < height; y++) {
        uint8_t *p = px + (size_t)y * stride;
        for (uint32_t x = 0; x < width; x++, p += 4) {
            p[0] = 255 - p[0];
            p[1] = 255 - p[1];
            p[2] = 255 - p[2];
        }
    }
}

/* One box-blur pass over n samples `step` bytes apart (one channel), edges clamped: a running sum, so the
 * cost per pixel does not depend on the radius. `line` is scratch for the n input samples. Kept out of line
 * and in 32-bit arithmetic: small functions with i32 ops are what the engine's compiler does best. */
__attribute__((noinline)) static void blur_line(uint8_t *p, uint32_t step, uint32_t n, uint32_t r, uint8_t *line) {
    for (uint32_t i = 0; i < n; i++) line[i] = p[i * step];
    uint32_t window = 2 * r + 1;
    uint32_t sum = (r + 1) * line[0];
    for (uint32_t i = 1; i <= r; i++) sum += line[i < n ? i : n - 1];
    for (uint32_t i = 0; i < n; i++) {
        p[i * step] = (uint8_t)((sum + r) / window);
        uint32_t out = i >= r ? i - r : 0;
        uint32_t in = i + r + 1 < n ? i + r + 1 : n - 1;
        sum += line[in];
        sum -= line[out];
    }
}

/* Box blur of the given radius (horizontal then vertical pass) on the color channels. */
GATUN_EXPORT(blur) void blur(uint8_t *px, uint32_t width, uint32_t height, uint32_t stride, uint32_t radius) {
    if (radius == 0 || width == 0 || height == 0) return;
    uint8_t *line = malloc(width > height ? width : height);
    if (!line) return;
    for (uint32_t y = 0; y < height; y++)
        for (uint32_t c = 0; c < 3; c++) blur_line(px + (size_t)y * stride + c, 4, width, radius, line);
    for (uint32_t x = 0; x < width; x++)
        for (uint32_t c = 0; c < 3; c++) blur_line(px + (size_t)x * 4 + c, stride, height, radius, line);
    free(line);
}

/* Planar YUV 4:2:0 (ffmpeg's yuv420p, as FrameFormat.yuv420p lays it out): the Y plane, `stride` bytes per
 * row, then the U and V planes at half width and height, packed. Dropping the colour leaves Y untouched and
 * sets both chroma planes to their neutral 128: a third of the bytes an RGBA frame would carry. */
GATUN_EXPORT(yuv_grayscale) void yuv_grayscale(uint8_t *px, uint32_t width, uint32_t height, uint32_t stride) {
    size_t chroma = (size_t)((width + 1) / 2) * ((height + 1) / 2);
    memset(px + (size_t)stride * height, 128, 2 * chroma);
}
