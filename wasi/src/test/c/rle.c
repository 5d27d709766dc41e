/*
 * rle: a byte-oriented run-length codec. "rle c IN OUT" compresses, "rle d IN OUT" decompresses.
 * Format: "RLE1", the original length (u32 little-endian), then pairs (count 1..255, byte).
 * Exits 3 on a corrupt input, to check exit codes travel.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    unsigned char *b = malloc(cap);
    size_t r;
    while ((r = fread(b + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) b = realloc(b, cap *= 2);
    }
    fclose(f);
    *len = n;
    return b;
}

int main(int argc, char **argv) {
    if (argc != 4 || (strcmp(argv[1], "c") && strcmp(argv[1], "d"))) {
        fprintf(stderr, "usage: rle c|d IN OUT\n");
        return 2;
    }
    size_t n;
    unsigned char *in = slurp(argv[2], &n);
    if (!in) { printf("rle: cannot read %s\n", argv[2]); return 1; }
    FILE *out = fopen(argv[3], "wb");
    if (!out) { printf("rle: cannot write %s\n", argv[3]); return 1; }
    size_t written = 0;
    if (argv[1][0] == 'c') {
        unsigned char hdr[8] = {'R', 'L', 'E', '1', n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >> 24) & 255};
        fwrite(hdr, 1, 8, out);
        written = 8;
        for (size_t i = 0; i < n;) {
            size_t run = 1;
            while (i + run < n && run < 255 && in[i + run] == in[i]) run++;
            unsigned char pair[2] = {(unsigned char)run, in[i]};
            fwrite(pair, 1, 2, out);
            written += 2;
            i += run;
        }
    } else {
        if (n < 8 || memcmp(in, "RLE1", 4)) { printf("rle: not an RLE1 stream\n"); return 3; }
        size_t want = in[4] | in[5] << 8 | in[6] << 16 | (size_t)in[7] << 24;
        for (size_t i = 8; i + 1 < n; i += 2) {
            for (int k = 0; k < in[i]; k++) fputc(in[i + 1], out);
            written += in[i];
        }
        if (written != want) { printf("rle: length mismatch\n"); return 3; }
    }
    fclose(out);
    printf("%s: %zu -> %zu bytes\n", argv[1][0] == 'c' ? "compressed" : "decompressed", n, written);
    return 0;
}
