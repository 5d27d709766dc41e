/* The parts of the imaging ABI (gatun_image.h) every codec module shares. */
#include "gatun_image.h"
#include <stdlib.h>
#include <string.h>

gatun_result gatun_last;
const char *gatun_last_error = "";

void *gatun_alloc(uint32_t size) { return malloc(size ? size : 1); }
void gatun_dealloc(void *p) { free(p); }
const char *gatun_error(void) { return gatun_last_error; }

const gatun_result *gatun_fail(const char *why) {
    gatun_last_error = why;
    return 0;
}

const gatun_result *gatun_ok(uint8_t *data, size_t size, uint32_t width, uint32_t height) {
    gatun_last.data = data;
    gatun_last.size = size;
    gatun_last.width = width;
    gatun_last.height = height;
    gatun_last_error = "";
    return &gatun_last;
}

const uint8_t *gatun_packed(const uint8_t *rgba, uint32_t width, uint32_t height, uint32_t stride, uint8_t **owned) {
    size_t row = (size_t)width * 4;
    *owned = 0;
    if (stride == row) return rgba;
    uint8_t *p = malloc(row * height ? row * height : 1);
    if (!p) return 0;
    for (uint32_t y = 0; y < height; y++) memcpy(p + y * row, rgba + (size_t)y * stride, row);
    *owned = p;
    return p;
}
