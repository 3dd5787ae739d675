#!/usr/bin/env python3
"""Generates a small colour image folder for the accuracy-parity benchmark: 3 classes (circle, square,
triangle), 32x32 RGB PNGs, one sub-folder per class (the layout `train --data folder:DIR` reads).
Each image: a random dark background colour with pixel noise, one shape of a random bright colour, size, position
(and rotation for squares and triangles), so the classes are told apart by form, not colour.

    python3 make_shapes.py OUT_DIR [--per-class 300] [--seed 1]

Needs only numpy (PNG files are written with zlib).
"""
import argparse
import os
import struct
import zlib

import numpy as np

SIZE = 32


def png(path, rgb):
    h, w, _ = rgb.shape
    raw = b"".join(b"\x00" + rgb[y].tobytes() for y in range(h))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def mask(kind, rng):
    yy, xx = np.mgrid[0:SIZE, 0:SIZE] + 0.5
    r = rng.uniform(7, 12)
    cx, cy = rng.uniform(r + 1, SIZE - r - 1, size=2)
    dx, dy = xx - cx, yy - cy
    if kind == "circle":
        return dx * dx + dy * dy <= r * r
    a = rng.uniform(0, 2 * np.pi)
    u = dx * np.cos(a) + dy * np.sin(a)
    v = -dx * np.sin(a) + dy * np.cos(a)
    if kind == "square":
        s = r * 0.85
        return (np.abs(u) <= s) & (np.abs(v) <= s)
    # equilateral triangle inscribed in radius r: inside all three half-planes
    inside = np.ones_like(u, dtype=bool)
    for k in range(3):
        t = a + k * 2 * np.pi / 3
        inside &= (dx * np.cos(t) + dy * np.sin(t)) <= r / 2
    return inside


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--per-class", type=int, default=300)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rng = np.random.default_rng(a.seed)
    for kind in ("circle", "square", "triangle"):
        d = os.path.join(a.out, kind)
        os.makedirs(d, exist_ok=True)
        for i in range(a.per_class):
            bg = rng.uniform(0, 80, size=3)
            fg = rng.uniform(120, 255, size=3)
            img = np.empty((SIZE, SIZE, 3))
            img[:] = bg
            img[mask(kind, rng)] = fg
            img += rng.normal(0, 12, size=img.shape)
            png(os.path.join(d, "%s_%04d.png" % (kind, i)), np.clip(img, 0, 255).astype(np.uint8))
    print("wrote %d images per class to %s" % (a.per_class, a.out))


if __name__ == "__main__":
    main()
