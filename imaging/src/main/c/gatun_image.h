/* The calling convention every Gatun imaging module follows (see ../../../README.md).
 *
 * Memory is the module's own: the host asks for buffers with alloc/dealloc (wasi-libc malloc), writes the
 * input there, calls the export, reads the output, and frees what it was handed. Pixels are always 8-bit
 * RGBA, rows `stride` bytes apart (stride >= 4 * width).
 *
 * Codecs:  const gatun_result *decode(const uint8_t *in, uint32_t len);   RGBA pixels, stride 4 * width
 *          const gatun_result *encode(const uint8_t *rgba, uint32_t width, uint32_t height,
 *                                     uint32_t stride, int32_t quality);  encoded bytes
 *          Both return 0 on failure (error() then names the reason). The result lives in static storage
 *          until the next call; result->data was malloc'ed and the host frees it with dealloc.
 * Filters: void NAME(uint8_t *pixels, uint32_t width, uint32_t height, uint32_t stride, ...) in place.
 */
#ifndef GATUN_IMAGE_H
#define GATUN_IMAGE_H
#include <stddef.h>
#include <stdint.h>

#if defined(__wasm__)
#define GATUN_EXPORT(name) __attribute__((export_name(#name), visibility("default")))
#else
#define GATUN_EXPORT(name) __attribute__((visibility("default")))
#endif

typedef struct {
    uint8_t *data;   /* malloc'ed; freed by the host with dealloc */
    size_t size;     /* bytes at data */
    uint32_t width;  /* pixels (decode), or the encoded image's width (encode) */
    uint32_t height;
} gatun_result;

GATUN_EXPORT(alloc) void *gatun_alloc(uint32_t size);
GATUN_EXPORT(dealloc) void gatun_dealloc(void *p);
GATUN_EXPORT(decode) const gatun_result *gatun_decode(const uint8_t *in, uint32_t len);
GATUN_EXPORT(encode) const gatun_result *gatun_encode(const uint8_t *rgba, uint32_t width, uint32_t height,
                                                      uint32_t stride, int32_t quality);
GATUN_EXPORT(error) const char *gatun_error(void);

/* Shared by the codec glue: the one result slot, the last error, and packing strided rows. */
extern gatun_result gatun_last;
extern const char *gatun_last_error;
const gatun_result *gatun_fail(const char *why);
const gatun_result *gatun_ok(uint8_t *data, size_t size, uint32_t width, uint32_t height);
/* rgba itself when stride == 4 * width, else a packed malloc'ed copy (*owned set to it, to free). */
const uint8_t *gatun_packed(const uint8_t *rgba, uint32_t width, uint32_t height, uint32_t stride, uint8_t **owned);
#endif
