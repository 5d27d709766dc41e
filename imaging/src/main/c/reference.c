/* The native reference: the same codec or filter C, built by gcc for the host, run over the bundled
 * images. build.sh writes its outputs as the expected files the JUnit tests compare the wasm builds with.
 *   reference decode IN OUT.pam             (codec builds)
 *   reference encode IN.pam OUT [QUALITY]   (codec builds)
 *   reference filter NAME IN.pam OUT.pam [ARG]   (the filters build)
 * PAM (P7, RGB_ALPHA) carries width, height and the RGBA bytes without any codec of its own. */
#include "gatun_image.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint8_t *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *p = malloc(n ? n : 1);
    if (fread(p, 1, n, f) != (size_t)n) { perror(path); exit(2); }
    fclose(f);
    *len = n;
    return p;
}

static void spill(const char *path, const void *hdr, size_t hlen, const void *p, size_t len) {
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(hdr, 1, hlen, f) != hlen || fwrite(p, 1, len, f) != len || fclose(f)) { perror(path); exit(2); }
}

static void write_pam(const char *path, const uint8_t *px, uint32_t w, uint32_t h) {
    char hdr[128];
    int n = snprintf(hdr, sizeof hdr, "P7\nWIDTH %u\nHEIGHT %u\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\nENDHDR\n", w, h);
    spill(path, hdr, n, px, (size_t)w * h * 4);
}

static uint8_t *read_pam(const char *path, uint32_t *w, uint32_t *h) {
    size_t len;
    uint8_t *p = slurp(path, &len);
    if (sscanf((char *)p, "P7\nWIDTH %u\nHEIGHT %u\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\nENDHDR\n", w, h) != 2) {
        fprintf(stderr, "%s: not an RGBA PAM\n", path);
        exit(2);
    }
    char *end = strstr((char *)p, "ENDHDR\n");
    return (uint8_t *)end + 7;
}

#ifdef REFERENCE_FILTERS
void grayscale(uint8_t *, uint32_t, uint32_t, uint32_t);
void sepia(uint8_t *, uint32_t, uint32_t, uint32_t);
void invert(uint8_t *, uint32_t, uint32_t, uint32_t);
void blur(uint8_t *, uint32_t, uint32_t, uint32_t, uint32_t);

int main(int argc, char **argv) {
    if (argc < 5 || strcmp(argv[1], "filter")) { fprintf(stderr, "usage: reference filter NAME IN.pam OUT.pam [ARG]\n"); return 2; }
    uint32_t w, h;
    uint8_t *px = read_pam(argv[3], &w, &h);
    uint32_t arg = argc > 5 ? (uint32_t)atoi(argv[5]) : 0;
    if (!strcmp(argv[2], "grayscale")) grayscale(px, w, h, w * 4);
    else if (!strcmp(argv[2], "sepia")) sepia(px, w, h, w * 4);
    else if (!strcmp(argv[2], "invert")) invert(px, w, h, w * 4);
    else if (!strcmp(argv[2], "blur")) blur(px, w, h, w * 4, arg);
    else { fprintf(stderr, "unknown filter %s\n", argv[2]); return 2; }
    write_pam(argv[4], px, w, h);
    return 0;
}
#else
int main(int argc, char **argv) {
    if (argc >= 4 && !strcmp(argv[1], "decode")) {
        size_t len;
        uint8_t *in = slurp(argv[2], &len);
        const gatun_result *r = gatun_decode(in, (uint32_t)len);
        if (!r) { fprintf(stderr, "%s: %s\n", argv[2], gatun_error()); return 1; }
        write_pam(argv[3], r->data, r->width, r->height);
        return 0;
    }
    if (argc >= 4 && !strcmp(argv[1], "encode")) {
        uint32_t w, h;
        uint8_t *px = read_pam(argv[2], &w, &h);
        const gatun_result *r = gatun_encode(px, w, h, w * 4, argc > 4 ? atoi(argv[4]) : 0);
        if (!r) { fprintf(stderr, "%s: %s\n", argv[2], gatun_error()); return 1; }
        spill(argv[3], "", 0, r->data, r->size);
        return 0;
    }
    fprintf(stderr, "usage: reference decode IN OUT.pam | encode IN.pam OUT [QUALITY]\n");
    return 2;
}
#endif
