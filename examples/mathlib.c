// A small freestanding WebAssembly library (no libc, no imports), so `gatun run --invoke` can call it
// and `gatun inspect` has exports of every kind of type to show. Rebuild with ./build.sh.
#include <stdint.h>

#define EXPORT(name) __attribute__((export_name(name)))

EXPORT("gcd") uint32_t gcd(uint32_t a, uint32_t b) {
    while (b != 0) {
        uint32_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

EXPORT("fib") uint64_t fib(uint32_t n) {
    uint64_t a = 0, b = 1;
    for (uint32_t i = 0; i < n; i++) {
        uint64_t t = a + b;
        a = b;
        b = t;
    }
    return a;
}

EXPORT("hypot") double hypot_(double x, double y) {
    // Newton's method keeps the module free of libm imports.
    double s = x * x + y * y, r = s > 1 ? s : 1;
    for (int i = 0; i < 64; i++) r = 0.5 * (r + s / r);
    return s == 0 ? 0 : r;
}

static uint8_t buffer[4096];

// The caller writes up to sizeof buffer bytes at buffer() in the exported memory, then asks for their CRC-32.
EXPORT("buffer") uint8_t *buffer_address(void) { return buffer; }

EXPORT("crc32") uint32_t crc32(const uint8_t *data, uint32_t len) {
    uint32_t crc = 0xFFFFFFFFu;
    for (uint32_t i = 0; i < len; i++) {
        crc ^= data[i];
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
    }
    return ~crc;
}
