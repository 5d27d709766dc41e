"""Draws the bundled sample picture (a 160x120 binary PPM): a sky gradient, a sun, hills and a house."""
import math
import sys

W, H = 160, 120
px = bytearray()
for y in range(H):
    for x in range(W):
        r, g, b = 90 + y, 150 + y // 2, 235                      # sky
        if (x - 120) ** 2 + (y - 28) ** 2 < 15 ** 2:             # sun
            r, g, b = 255, 210, 60
        hill = 80 + 12 * math.sin(x / 17.0) + 6 * math.sin(x / 5.0)
        if y > hill:                                             # hills
            r, g, b = 40 + (x * 3) % 30, 140 + (y % 9) * 4, 50
        if 30 <= x < 62 and 70 <= y < 100:                       # house
            r, g, b = (200, 60, 50) if (x // 4 + y // 4) % 2 else (180, 50, 40)
            if 42 <= x < 50 and 84 <= y < 100:
                r, g, b = 90, 60, 30                             # door
        if 26 <= x < 66 and 54 <= y < 70 and abs(x - 46) < (y - 50) * 1.3:
            r, g, b = 70, 40, 40                                 # roof
        px += bytes((min(r, 255), min(g, 255), min(b, 255)))
with open(sys.argv[1], "wb") as f:
    f.write(b"P6\n%d %d\n255\n" % (W, H) + bytes(px))
