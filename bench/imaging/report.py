"""Turns the imaging benchmarks' JMH JSON (bench/imaging/run) into the Markdown table of bench/results/imaging."""
import json
import os
import sys

out = sys.argv[1]
MPX = 640 * 480 / 1e6  # the benchmark picture


def load(name):
    path = os.path.join(out, name)
    return json.load(open(path)) if os.path.exists(path) else []


def score(r):
    return r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"]


print("# Imaging benchmarks\n")
print("Written by `bench/imaging/run` (JMH; the picture is 640x480 RGBA, 0.31 Mpx). Native = the same C built")
print("with gcc -O2 and called through FFM; Java = the same integer arithmetic in plain Java.\n")
load_file = os.path.join(out, "load.txt")
if os.path.exists(load_file):
    print("Machine load (2 cores; other jobs running make the numbers lower and 2-thread scaling smaller):\n")
    print("```")
    print(open(load_file).read().rstrip())
    print("```\n")
print("## Filters, one frame in place per operation (Mpx/s, higher is better)\n")
print("| filter | threads | wasm | native | java | wasm / native | wasm / java |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
for threads, name in ((1, "filter-1thread.json"), (2, "filter-2threads.json")):
    rows = {}
    for r in load(name):
        p = r["params"]
        rows[(p["filter"], p["impl"])] = score(r)[0] * MPX
    for f in ("grayscale", "blur"):
        if (f, "wasm") not in rows:
            continue
        w, n, j = rows[(f, "wasm")], rows.get((f, "native"), 0), rows.get((f, "java"), 0)
        fname = "blur (radius 4)" if f == "blur" else f
        print(f"| {fname} | {threads} | {w:.1f} | {n:.1f} | {j:.1f} | {w / n:.2f} | {w / j:.2f} |")
print("\n## Frame pipeline: 64 frames copied in, filtered in wasm, handed to a sink (Mpx/s)\n")
print("| filter | 1 thread | 2 threads | 2 / 1 |")
print("| --- | ---: | ---: | ---: |")
rows = {(r["params"]["filter"], r["params"]["threads"]): score(r)[0] * MPX for r in load("pipeline.json")}
for f in ("grayscale", "blur"):
    if (f, "1") in rows and (f, "2") in rows:
        print(f"| {f} | {rows[(f, '1')]:.1f} | {rows[(f, '2')]:.1f} | {rows[(f, '2')] / rows[(f, '1')]:.2f} |")
print("\n## Codecs, one 640x480 image per operation (images/s and Mpx/s)\n")
print("| codec | op | wasm img/s | native img/s | wasm Mpx/s | native Mpx/s | wasm / native |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
rows = {}
for r in load("codec.json"):
    op = r["benchmark"].rsplit(".", 1)[1]
    rows[(r["params"]["codec"], op, r["params"]["impl"])] = score(r)[0]
for c in ("png", "jpeg", "qoi"):
    for op in ("decode", "encode"):
        if (c, op, "wasm") in rows and (c, op, "native") in rows:
            w, n = rows[(c, op, "wasm")], rows[(c, op, "native")]
            print(f"| {c} | {op} | {w:.1f} | {n:.1f} | {w * MPX:.1f} | {n * MPX:.1f} | {w / n:.2f} |")
ff = os.path.join(out, "ffmpeg.txt")
if os.path.exists(ff):
    print("\n## ffmpeg example (1280x720 testsrc2, 600 frames, blur radius 4, x264 ultrafast)\n")
    print("```")
    print(open(ff).read().rstrip())
    print("```")
