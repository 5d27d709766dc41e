// A 3x3 blur of an RGBA frame, split into bands of rows that worker threads take from a shared counter,
// plus the luminance histogram of the result. Built for a shared, imported memory (see build.sh): the host
// instantiates this module once per thread over the same memory, and every instance runs job_work().
//
// No function here uses the C stack: every instance's __stack_pointer starts at the same address of the
// shared memory, so stack frames of two threads would overlap. Per-worker state lives in job.local[].

#include <stdint.h>

#define MAX_W 1920
#define MAX_H 1080
#define MAX_WORKERS 16

static uint8_t src[MAX_W * MAX_H * 4];
static uint8_t dst[MAX_W * MAX_H * 4];

static struct {
    uint32_t width, height, band;
    uint32_t next_row;   // atomic: first row not yet handed out
    uint32_t done_rows;  // atomic: rows finished; the last finisher notifies job_wait()
    uint32_t histogram[256];                 // atomic adds merge the workers' counts
    uint32_t local[MAX_WORKERS][256];        // each worker's own counts, merged at its end
} job;

uint8_t *src_buffer(void) { return src; }
uint8_t *dst_buffer(void) { return dst; }
uint32_t *histogram(void) { return job.histogram; }
uint32_t max_workers(void) { return MAX_WORKERS; }

// Called once, before any worker starts; returns 0 when the frame does not fit.
int job_begin(uint32_t width, uint32_t height, uint32_t band) {
    if (width == 0 || height == 0 || width > MAX_W || height > MAX_H || band == 0) return 0;
    job.width = width;
    job.height = height;
    job.band = band;
    for (int i = 0; i < 256; i++) job.histogram[i] = 0;
    __atomic_store_n(&job.next_row, 0, __ATOMIC_SEQ_CST);
    __atomic_store_n(&job.done_rows, 0, __ATOMIC_SEQ_CST);
    return 1;
}

static inline uint32_t clampi(int v, int hi) { return v < 0 ? 0 : v > hi ? (uint32_t) hi : (uint32_t) v; }

static void blur_rows(uint32_t y0, uint32_t y1, uint32_t *hist) {
    uint32_t w = job.width, h = job.height;
    for (uint32_t y = y0; y < y1; y++) {
        const uint8_t *up = src + clampi((int) y - 1, (int) h - 1) * w * 4;
        const uint8_t *mid = src + y * w * 4;
        const uint8_t *down = src + clampi((int) y + 1, (int) h - 1) * w * 4;
        uint8_t *out = dst + y * w * 4;
        for (uint32_t x = 0; x < w; x++) {
            uint32_t l = clampi((int) x - 1, (int) w - 1) * 4, c = x * 4, r = clampi((int) x + 1, (int) w - 1) * 4;
            for (int k = 0; k < 3; k++) {
                uint32_t s = up[l + k] + 2 * up[c + k] + up[r + k]
                           + 2 * mid[l + k] + 4 * mid[c + k] + 2 * mid[r + k]
                           + down[l + k] + 2 * down[c + k] + down[r + k];
                out[c + k] = (uint8_t) ((s + 8) >> 4);
            }
            out[c + 3] = mid[c + 3];
            hist[(77 * out[c] + 150 * out[c + 1] + 29 * out[c + 2]) >> 8]++;
        }
    }
}

// Takes bands until none are left; returns the rows this worker blurred. worker < max_workers().
uint32_t job_work(uint32_t worker) {
    if (worker >= MAX_WORKERS) return 0;
    uint32_t *hist = job.local[worker];
    for (int i = 0; i < 256; i++) hist[i] = 0;
    uint32_t mine = 0, h = job.height, band = job.band;
    for (;;) {
        uint32_t y0 = __atomic_fetch_add(&job.next_row, band, __ATOMIC_SEQ_CST);
        if (y0 >= h) break;
        uint32_t y1 = y0 + band < h ? y0 + band : h;
        blur_rows(y0, y1, hist);
        mine += y1 - y0;
    }
    for (int i = 0; i < 256; i++) {
        if (hist[i]) __atomic_fetch_add(&job.histogram[i], hist[i], __ATOMIC_SEQ_CST);
    }
    // Published after the histogram adds, so whoever sees all rows done sees the complete histogram.
    if (__atomic_add_fetch(&job.done_rows, mine, __ATOMIC_SEQ_CST) == h)
        __builtin_wasm_memory_atomic_notify((int *) &job.done_rows, (uint32_t) -1);
    return mine;
}

// Blocks (memory.atomic.wait32, no spinning) until every row is done; returns the row count.
uint32_t job_wait(void) {
    for (;;) {
        uint32_t d = __atomic_load_n(&job.done_rows, __ATOMIC_SEQ_CST);
        if (d >= job.height) return d;
        __builtin_wasm_memory_atomic_wait32((int *) &job.done_rows, (int) d, -1);
    }
}
