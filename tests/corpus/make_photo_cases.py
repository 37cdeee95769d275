#!/usr/bin/env python3
"""Writes photo.jsonl: synthetic head-and-shoulders portraits (deterministic,
no image files), rendered at several sizes and then scaled to the 32x32 gray
the extension sends, the same area average as docs/compare.md describes.

"same" pairs: the canonical portrait against a resized, re-quantized and
noised, cropped, brightened or blurred copy. "different" pairs: portraits of
other "people" (other layout, tones, background), including ones with the same
overall composition, which is the hard case for a perceptual hash.

Run from this directory: python3 make_photo_cases.py > photo.jsonl
"""
import json
import math
import random


def portrait(p, x, y):
    """Gray value 0..255 of portrait `p` at (x, y) in [0,1]^2."""
    # Background: a gradient in the portrait's direction.
    g = p["bg0"] + (p["bg1"] - p["bg0"]) * (x * math.cos(p["bga"]) + y * math.sin(p["bga"]))
    # Shoulders: a wide ellipse at the bottom.
    sx, sy = (x - p["cx"]) / p["sw"], (y - 1.05) / 0.35
    if sx * sx + sy * sy < 1:
        g = p["shirt"]
    # Neck and head.
    hx, hy = (x - p["cx"]) / p["hw"], (y - p["cy"]) / p["hh"]
    if abs(x - p["cx"]) < p["hw"] * 0.45 and p["cy"] < y < p["cy"] + p["hh"] * 1.6:
        g = p["skin"] * 0.9
    if hx * hx + hy * hy < 1:
        g = p["skin"]
        # Hair: the top part of the head.
        if hy < p["hair"]:
            g = p["hairc"]
        # Eyes and mouth.
        for ex in (-0.35, 0.35):
            if (hx - ex) ** 2 + (hy + 0.1) ** 2 < 0.012:
                g = 30
        if abs(hy - 0.45) < 0.05 and abs(hx) < 0.3:
            g = p["skin"] * 0.6
    return max(0.0, min(255.0, g))


def render(p, size, crop=0.0, shift=(0.0, 0.0)):
    """Render at size x size pixels, viewing [crop, 1 - crop] of the scene."""
    span = 1 - 2 * crop
    img = []
    for j in range(size):
        row = []
        for i in range(size):
            x = crop + shift[0] + span * (i + 0.5) / size
            y = crop + shift[1] + span * (j + 0.5) / size
            row.append(portrait(p, x, y))
        img.append(row)
    return img


def area_average_32(img):
    """Each output cell is the average of the source area it covers."""
    h, w = len(img), len(img[0])
    def axis(n):
        cells = []
        for o in range(32):
            lo, hi = o * n / 32, (o + 1) * n / 32
            ws = []
            for i in range(int(math.floor(lo)), min(n, int(math.ceil(hi)))):
                wt = min(hi, i + 1) - max(lo, i)
                if wt > 0:
                    ws.append((i, wt))
            cells.append(ws)
        return cells
    cx, cy = axis(w), axis(h)
    out = []
    for oy in range(32):
        for ox in range(32):
            s = t = 0.0
            for j, wy in cy[oy]:
                for i, wx in cx[ox]:
                    s += img[j][i] * wx * wy
                    t += wx * wy
            out.append(int(round(s / t)))
    return out


def person(seed):
    r = random.Random(seed)
    return {
        "bg0": r.uniform(20, 230), "bg1": r.uniform(20, 230), "bga": r.uniform(0, 6.28),
        "cx": r.uniform(0.38, 0.62), "cy": r.uniform(0.32, 0.45),
        "hw": r.uniform(0.15, 0.24), "hh": r.uniform(0.2, 0.28),
        "sw": r.uniform(0.35, 0.55), "shirt": r.uniform(10, 240),
        "skin": r.uniform(90, 220), "hairc": r.uniform(10, 200), "hair": r.uniform(-0.7, -0.1),
    }


def noisy(gray, seed, levels, amp):
    r = random.Random(seed)
    step = 256 // levels
    out = []
    for v in gray:
        v = (v // step) * step + step // 2
        v += r.randint(-amp, amp)
        out.append(max(0, min(255, v)))
    return out


def adjust(gray, gain, bias):
    return [max(0, min(255, int(round(v * gain + bias)))) for v in gray]


def blur(gray):
    out = []
    for y in range(32):
        for x in range(32):
            s = n = 0
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    if 0 <= x + dx < 32 and 0 <= y + dy < 32:
                        s += gray[(y + dy) * 32 + x + dx]
                        n += 1
            out.append(int(round(s / n)))
    return out


def main():
    lines = []
    for k, seed in enumerate([11, 23, 37]):
        me = person(seed)
        canonical = area_average_32(render(me, 200))
        same = [
            (area_average_32(render(me, 64)), "resized to 64 px"),
            (area_average_32(render(me, 400)), "resized to 400 px"),
            (noisy(canonical, seed, 16, 6), "re-quantized to 16 levels with noise"),
            (area_average_32(render(me, 200, crop=0.04)), "cropped 4% on each side"),
            (area_average_32(render(me, 160, crop=0.02, shift=(0.02, 0.0))), "cropped and shifted"),
            (adjust(canonical, 1.15, -10), "contrast raised"),
            (blur(canonical), "blurred"),
        ]
        for gray, why in same:
            lines.append({"field": "photo", "canonicalGray": canonical, "observed": {"gray": gray},
                          "label": "same", "why": f"portrait {k}: {why}"})
        others = [person(seed * 101 + i) for i in range(3)]
        # Same person's layout, different tones: the hardest "different" case.
        twin = dict(me, skin=255 - me["skin"], hairc=255 - me["hairc"], bg0=me["bg1"], bg1=me["bg0"])
        for i, other in enumerate(others + [twin]):
            why = "a different portrait" if i < 3 else "same composition, different tones"
            lines.append({"field": "photo", "canonicalGray": canonical,
                          "observed": {"gray": area_average_32(render(other, 200))},
                          "label": "different", "why": f"portrait {k}: {why}"})
    for line in lines:
        print(json.dumps(line, separators=(",", ":")))


if __name__ == "__main__":
    main()
