// Compute kernels for the execution benchmarks: freestanding C, no libc, every function exported.
// Built by build.sh into ../../resources/exec/kernels.wasm; the same bytes run on every engine.

typedef unsigned int u32;
typedef unsigned char u8;

// Recursive Fibonacci: call-heavy, tiny frames.
int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

// Sieve of Eratosthenes over a static byte array: byte loads/stores and tight loops.
#define SIEVE_MAX (1 << 20)
static u8 composite[SIEVE_MAX];

int sieve(int n) {
    if (n > SIEVE_MAX) n = SIEVE_MAX;
    for (int i = 0; i < n; i++) composite[i] = 0;
    int count = 0;
    for (int i = 2; i < n; i++) {
        if (composite[i]) continue;
        count++;
        for (int j = i + i; j < n; j += i) composite[j] = 1;
    }
    return count;
}

// Dense double matrix multiply: f64 loads, multiply-add, nested loops.
#define MAT 128
static double A[MAT * MAT], B[MAT * MAT], C[MAT * MAT];

double matmul(int n) {
    if (n > MAT) n = MAT;
    for (int i = 0; i < n * n; i++) {
        A[i] = (double) (i % 17) * 0.5;
        B[i] = (double) (i % 13) - 3.0;
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < n; k++) s += A[i * n + k] * B[k * n + j];
            C[i * n + j] = s;
        }
    double sum = 0;
    for (int i = 0; i < n * n; i++) sum += C[i];
    return sum;
}

// A CoreMark-style mix of integer work: linked-list walks, a small integer matrix, a state machine
// over text and CRC-16, each round feeding the next.
typedef struct Node { int value; int next; } Node;
#define LIST 256
static Node nodes[LIST];
static short mat[16 * 16], matb[16 * 16];
static int matc[16 * 16];
static const char text[] = "5012,1234,-874,+122,0x1F3,7.5e3,-.25,abc,9999,.,12e-3,4.0,-0,+77,3e,5,x9";

static unsigned short crc16(unsigned short crc, u32 v) {
    for (int i = 0; i < 32; i++) {
        u32 bit = (v ^ crc) & 1;
        crc >>= 1;
        if (bit) crc ^= 0xA001;
        v >>= 1;
    }
    return crc;
}

static int list_work(int seed) {
    for (int i = 0; i < LIST; i++) {
        nodes[i].value = (seed * (i + 7)) & 0xFFFF;
        nodes[i].next = (i * 37 + 11) % LIST;
    }
    int idx = 0, acc = 0;
    for (int step = 0; step < LIST * 4; step++) {
        acc += nodes[idx].value;
        if (nodes[idx].value & 1) nodes[idx].value = (nodes[idx].value >> 1) ^ acc;
        idx = nodes[idx].next;
    }
    return acc;
}

static int matrix_work(int seed) {
    for (int i = 0; i < 256; i++) {
        mat[i] = (short) ((seed + i * 3) & 0xFF);
        matb[i] = (short) ((seed ^ i) & 0x7F);
    }
    for (int i = 0; i < 16; i++)
        for (int j = 0; j < 16; j++) {
            int s = 0;
            for (int k = 0; k < 16; k++) s += mat[i * 16 + k] * matb[k * 16 + j];
            matc[i * 16 + j] = s;
        }
    int acc = 0;
    for (int i = 0; i < 256; i++) acc += (matc[i] >> 2) & 0xFFF;
    return acc;
}

enum { START, INT, FLOAT, EXP, HEX, INVALID };

static int state_work(void) {
    int counts[6] = {0, 0, 0, 0, 0, 0};
    int state = START;
    for (const char *p = text; ; p++) {
        char c = *p;
        if (c == ',' || c == 0) {
            counts[state]++;
            state = START;
            if (c == 0) break;
            continue;
        }
        switch (state) {
            case START:
                if (c >= '0' && c <= '9') state = INT;
                else if (c == '+' || c == '-') state = INT;
                else if (c == '.') state = FLOAT;
                else state = INVALID;
                break;
            case INT:
                if (c == '.') state = FLOAT;
                else if (c == 'x') state = HEX;
                else if (c == 'e' || c == 'E') state = EXP;
                else if (c < '0' || c > '9') state = INVALID;
                break;
            case FLOAT:
                if (c == 'e' || c == 'E') state = EXP;
                else if (c < '0' || c > '9') state = INVALID;
                break;
            case EXP:
                if (c != '-' && (c < '0' || c > '9')) state = INVALID;
                break;
            case HEX:
                if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'))) state = INVALID;
                break;
            default:
                break;
        }
    }
    return counts[INT] * 1000 + counts[FLOAT] * 100 + counts[EXP] * 10 + counts[HEX] + counts[INVALID] * 7;
}

int coremark(int iterations) {
    unsigned short crc = 0;
    for (int it = 0; it < iterations; it++) {
        crc = crc16(crc, (u32) list_work(it + crc));
        crc = crc16(crc, (u32) matrix_work(it ^ crc));
        crc = crc16(crc, (u32) state_work());
    }
    return crc;
}

// Per-pixel loop over a 64 MiB RGBA buffer: brightness/contrast then luma, written back in place.
static u8 *pixels;
static u32 pixel_bytes;

int pixels_setup(int mib) {
    u32 bytes = (u32) mib << 20;
    int old = __builtin_wasm_memory_grow(0, bytes >> 16);
    if (old < 0) return 0;
    pixels = (u8 *) ((u32) old << 16);
    pixel_bytes = bytes;
    for (u32 i = 0; i < bytes; i += 4) *(u32 *) (pixels + i) = i * 2654435761u;
    return 1;
}

u32 pixels_run(int gain) {
    u32 sum = 0;
    u8 *p = pixels, *end = pixels + pixel_bytes;
    for (; p < end; p += 4) {
        int r = (p[0] * gain) >> 8, g = (p[1] * gain) >> 8, b = (p[2] * gain) >> 8;
        if (r > 255) r = 255;
        if (g > 255) g = 255;
        if (b > 255) b = 255;
        int y = (77 * r + 150 * g + 29 * b) >> 8;
        p[0] = (u8) r; p[1] = (u8) g; p[2] = (u8) b; p[3] = (u8) y;
        sum += (u32) y;
    }
    return sum;
}
