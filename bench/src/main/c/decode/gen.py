#!/usr/bin/env python3
"""Generates the C sources of the decode benchmark's large module: N translation units, each a
small 'library' (sorting, hashing, parsing, state machines, fixed and floating point maths,
bit tricks, table dispatch) with per-unit constants and types so the compiled functions differ.
Deterministic: same output on every run."""
import random, sys, os

UNITS = int(sys.argv[1]) if len(sys.argv) > 1 else 60
out = sys.argv[2] if len(sys.argv) > 2 else "."
rnd = random.Random(20261122)
TYPES = ["int32_t", "uint32_t", "int64_t", "uint64_t"]
FTYPES = ["float", "double"]

def unit(u):
    t = rnd.choice(TYPES); ft = rnd.choice(FTYPES)
    k = [rnd.randrange(3, 97) for _ in range(16)]
    n = rnd.choice([8, 12, 16, 24, 32])
    L = []
    w = L.append
    w('#include <stdint.h>\n#include <stddef.h>\n#include <string.h>\n#include "decode_bench.h"\n')
    w(f'typedef struct rec{u} {{ {t} key; {ft} weight; uint8_t tag; char name[{n}]; struct rec{u} *next; }} rec{u};\n')
    w(f'static rec{u} pool{u}[{k[0] * 4}];\nstatic {t} scratch{u}[{k[1] * 8}];\n')
    # sorting
    w(f'''static void sort{u}({t} *a, size_t len) {{
    for (size_t i = 1; i < len; i++) {{
        {t} v = a[i]; size_t j = i;
        while (j > 0 && (a[j - 1] {"^" if u % 3 == 0 else "+"} {k[2]}) > (v {"^" if u % 3 == 0 else "+"} {k[2]})) {{ a[j] = a[j - 1]; j--; }}
        a[j] = v;
    }}
}}
''')
    # hashing
    w(f'''static uint32_t hash{u}(const uint8_t *p, size_t len) {{
    uint32_t h = 2166136261u ^ {k[3]}u;
    for (size_t i = 0; i < len; i++) {{ h ^= p[i]; h *= 16777619u; h = (h << {k[4] % 31 + 1}) | (h >> {32 - (k[4] % 31 + 1)}); }}
    return h ^ (h >> {k[5] % 16 + 1});
}}
''')
    # tokenizer state machine
    punct = rnd.choice("!#$%&()*+,-./:;<=>?@[]^_{|}~")
    w(f'''static int tokens{u}(const char *s, int *counts) {{
    int state = 0, n = 0;
    for (; *s; s++) {{
        char c = *s;
        switch (state) {{
        case 0: if (c >= '0' && c <= '9') state = 1; else if (c == '"') state = 2; else if (c > ' ') state = 3; break;
        case 1: if (c < '0' || c > '9') {{ counts[0]++; n++; state = c == '"' ? 2 : 0; }} break;
        case 2: if (c == '\\\\') state = 4; else if (c == '"') {{ counts[1]++; n++; state = 0; }} break;
        case 3: if (c <= ' ') {{ counts[2]++; n++; state = 0; }} else if (c == '{punct}') state = 5; break;
        case 4: state = 2; break;
        default: counts[3] += c & {k[7]}; if (c == '\\n') state = 0; break;
        }}
    }}
    return n + state;
}}
''')
    # floating point
    w(f'''static {ft} poly{u}({ft} x) {{
    {ft} r = 0;
    {"".join(f"r = r * x + ({ft})({rnd.uniform(-3, 3):.6f});" for _ in range(k[8] % 6 + 3))}
    return r;
}}
static {ft} integrate{u}({ft} a, {ft} b, int steps) {{
    {ft} h = (b - a) / steps, s = 0;
    for (int i = 0; i < steps; i++) {{ {ft} x = a + h * i; s += poly{u}(x) * h; if (s > ({ft})1e30) s = 0; }}
    return s;
}}
''')
    # matrix
    m = k[9] % 4 + 3
    w(f'''static void matmul{u}(const {t} *a, const {t} *b, {t} *c) {{
    for (int i = 0; i < {m}; i++)
        for (int j = 0; j < {m}; j++) {{
            {t} s = 0;
            for (int q = 0; q < {m}; q++) s += a[i * {m} + q] * b[q * {m} + j];
            c[i * {m} + j] = s >> {k[10] % 5};
        }}
}}
''')
    # linked records
    w(f'''static {ft} records{u}(int count) {{
    rec{u} *head = NULL;
    if (count > (int)(sizeof pool{u} / sizeof pool{u}[0])) count = (int)(sizeof pool{u} / sizeof pool{u}[0]);
    for (int i = 0; i < count; i++) {{
        rec{u} *r = &pool{u}[i];
        r->key = ({t})(i * {k[11]} + {k[12]}); r->weight = ({ft})i / {k[13]}; r->tag = (uint8_t)(i & 7);
        memset(r->name, 'a' + (i % 26), sizeof r->name - 1); r->name[sizeof r->name - 1] = 0;
        r->next = head; head = r;
    }}
    {ft} total = 0;
    for (rec{u} *r = head; r; r = r->next) {{
        switch (r->tag) {{
        case 0: total += r->weight; break;
        case 1: total -= r->weight * 2; break;
        case 2: total += (r->key & {k[14]}); break;
        case 3: total += hash{u}((const uint8_t *)r->name, strlen(r->name)) % {k[15]}; break;
        case 5: total *= ({ft})0.5; break;
        default: total += 1;
        }}
    }}
    return total;
}}
''')
    # bit tricks
    w(f'''static uint64_t bits{u}(uint64_t x) {{
    uint64_t r = 0;
    for (int i = 0; i < {k[1] % 7 + 3}; i++) {{
        r += (uint64_t)__builtin_popcountll(x) + (uint64_t)__builtin_ctzll(x | 1) * {k[2]};
        x = (x >> {k[3] % 13 + 1}) ^ (x << {k[4] % 11 + 1}) ^ 0x{rnd.getrandbits(64):016x}ull;
        r ^= x / ((x & 0xff) + 1);
    }}
    return r;
}}
''')
    # dispatch
    w(f'''typedef int64_t (*op{u}_t)(int64_t, int64_t);
static int64_t add{u}(int64_t a, int64_t b) {{ return a + b + {k[5]}; }}
static int64_t mul{u}(int64_t a, int64_t b) {{ return a * (b | 1); }}
static int64_t dif{u}(int64_t a, int64_t b) {{ return a > b ? a - b : b - a; }}
static int64_t mix{u}(int64_t a, int64_t b) {{ return (a << {k[6] % 7}) ^ (b >> {k[7] % 5}); }}
static op{u}_t ops{u}[] = {{ add{u}, mul{u}, dif{u}, mix{u} }};
static int64_t eval{u}(const uint8_t *prog, size_t len) {{
    int64_t stack[16]; int sp = 0;
    for (size_t i = 0; i < len; i++) {{
        uint8_t b = prog[i];
        if (b < 200) {{ if (sp < 16) stack[sp++] = b; }}
        else if (sp >= 2) {{ int64_t y = stack[--sp], x = stack[--sp]; stack[sp++] = ops{u}[b & 3](x, y); }}
    }}
    return sp ? stack[sp - 1] : -1;
}}
''')
    w(f'''int64_t unit{u}(int seed) {{
    for (size_t i = 0; i < sizeof scratch{u} / sizeof scratch{u}[0]; i++) scratch{u}[i] = ({t})(seed * {k[8]} + i * {k[9]});
    sort{u}(scratch{u}, sizeof scratch{u} / sizeof scratch{u}[0]);
    int counts[4] = {{0, 0, 0, 0}};
    int64_t r = tokens{u}("let x = 42 \\"str\\\\\\"ing\\" y {k[10]}\\n", counts) + counts[0] + counts[1];
    r += (int64_t)integrate{u}(({ft})0, ({ft}){k[11] % 5 + 1}, {k[12] * 3});
    {t} a[{m * m}], b[{m * m}], c[{m * m}];
    for (int i = 0; i < {m * m}; i++) {{ a[i] = ({t})(i + seed); b[i] = ({t})(i * {k[13]}); }}
    matmul{u}(a, b, c);
    r += (int64_t)c[{m * m - 1}] + (int64_t)records{u}(seed % {k[0] * 4} + 1);
    r ^= (int64_t)bits{u}((uint64_t)seed * {k[14]}u);
    uint8_t prog[] = {{ {", ".join(str(rnd.choice([rnd.randrange(0, 200), rnd.randrange(200, 256)])) for _ in range(24))} }};
    r += eval{u}(prog, sizeof prog);
    return r + hash{u}((const uint8_t *)scratch{u}, sizeof scratch{u});
}}
''')
    return "".join(L)

os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "decode_bench.h"), "w") as f:
    f.write("#include <stdint.h>\n")
    for u in range(UNITS): f.write(f"int64_t unit{u}(int seed);\n")
for u in range(UNITS):
    with open(os.path.join(out, f"unit{u}.c"), "w") as f: f.write(unit(u))
with open(os.path.join(out, "main.c"), "w") as f:
    f.write('#include <stdio.h>\n#include <stdlib.h>\n#include "decode_bench.h"\n')
    f.write(f"typedef int64_t (*unit_fn)(int);\nstatic unit_fn units[] = {{ {', '.join(f'unit{u}' for u in range(UNITS))} }};\n")
    f.write(f'int main(int argc, char **argv) {{\n    int seed = argc > 1 ? atoi(argv[1]) : 7;\n    int64_t r = 0;\n    for (int i = 0; i < {UNITS}; i++) r += units[i](seed + i);\n    printf("%lld\\n", (long long)r);\n    return 0;\n}}\n')
