"""Draws the example's input pictures (binary PPMs): the same scene at three sizes and times of day."""
import math
import os
import sys

def scene(w, h, dusk):
    px = bytearray()
    for y in range(h):
        for x in range(w):
            u, v = x * 160 // w, y * 120 // h                    # scene coordinates of the 160x120 original
            r, g, b = 90 + v, 150 + v // 2, 235                  # sky
            if dusk:
                r, g, b = 200 + v // 3, 90 + v // 2, 120 + v // 4
            if (u - 120) ** 2 + (v - 28) ** 2 < 15 ** 2:         # sun
                r, g, b = 255, 210 - 80 * dusk, 60
            hill = 80 + 12 * math.sin(u / 17.0) + 6 * math.sin(u / 5.0)
            if v > hill:                                         # hills
                r, g, b = 40 + (u * 3) % 30, 140 + (v % 9) * 4, 50
            if 30 <= u < 62 and 70 <= v < 100:                   # house
                r, g, b = (200, 60, 50) if (u // 4 + v // 4) % 2 else (180, 50, 40)
            px += bytes((min(r, 255), min(g, 255), min(b, 255)))
    return b"P6\n%d %d\n255\n" % (w, h) + bytes(px)

out = sys.argv[1] if len(sys.argv) > 1 else "pictures"
os.makedirs(out, exist_ok=True)
for name, w, h, dusk in [("day-160x120", 160, 120, 0), ("dusk-160x120", 160, 120, 1), ("day-320x240", 320, 240, 0)]:
    with open(os.path.join(out, name + ".ppm"), "wb") as f:
        f.write(scene(w, h, dusk))
with open(os.path.join(out, "not-a-picture.ppm"), "wb") as f:   # the filter answers NULL for it
    f.write(b"this file only pretends to be a PPM\n")
