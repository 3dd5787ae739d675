#!/usr/bin/env python3
"""PyTorch side of the per-operator comparison (src/bench/op-compare.sh): the same operators and shapes
as org.convstudio.engine.bench.OpBenchmark, forward and forward+backward of the output's sum, median
of R timed calls after 5 warm-up calls. One line per case: op <name> forward_ms <f> train_ms <t>."""
import argparse
import time

import torch
import torch.nn.functional as F


def conv(name, n, cin, hw, cout, k, stride, pad):
    return name, [(n, cin, hw, hw), (cout, cin, k, k), (cout,)], lambda x, w, b: F.conv2d(x, w, b, stride, pad)


CASES = [
    conv("conv lenet.c1 128x1x28x28 6@5x5 p2", 128, 1, 28, 6, 5, 1, 2),
    conv("conv lenet.c2 128x6x14x14 16@5x5", 128, 6, 14, 16, 5, 1, 0),
    conv("conv tinyvgg.1 32x3x64x64 10@3x3", 32, 3, 64, 10, 3, 1, 0),
    conv("conv tinyvgg.2 32x10x62x62 10@3x3", 32, 10, 62, 10, 3, 1, 0),
    conv("conv resnet.stem 64x3x32x32 64@7x7 s2", 64, 3, 32, 64, 7, 2, 3),
    conv("conv resnet.l1 64x64x8x8 64@3x3", 64, 64, 8, 64, 3, 1, 1),
    conv("conv resnet.l2 64x128x4x4 128@3x3", 64, 128, 4, 128, 3, 1, 1),
    conv("conv resnet.l3 64x256x2x2 256@3x3", 64, 256, 2, 256, 3, 1, 1),
    conv("conv resnet.l4 64x512x1x1 512@3x3", 64, 512, 1, 512, 3, 1, 1),
    ("linear lenet.f1 128x400 -> 120", [(128, 400), (120, 400), (120,)], F.linear),
    ("maxpool tinyvgg 32x10x60x60 2x2", [(32, 10, 60, 60)], lambda x: F.max_pool2d(x, 2, 2)),
    ("batchnorm resnet.l1 64x64x8x8 train", [(64, 64, 8, 8), (64,), (64,)],
     lambda x, g, b: F.batch_norm(x, torch.zeros(64), torch.ones(64), g, b, True, 0.1, 1e-5)),
    ("relu tinyvgg 32x10x62x62", [(32, 10, 62, 62)], F.relu),
]


def timed(fn, inputs, repeats, train):
    ms = []
    for r in range(-5, repeats):
        t0 = time.perf_counter()
        with torch.set_grad_enabled(train):
            out = fn(*inputs)
            if train:
                out.sum().backward()
        t1 = time.perf_counter()
        if r >= 0:
            ms.append((t1 - t0) * 1000)
        for a in inputs:
            a.grad = None
    ms.sort()
    return ms[repeats // 2]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--repeats", type=int, default=30)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    for name, shapes, fn in CASES:
        inputs = [torch.randn(*s, requires_grad=True) for s in shapes]
        print("op %-40s forward_ms %8.3f train_ms %8.3f" % (name, timed(fn, inputs, a.repeats, False),
                                                            timed(fn, inputs, a.repeats, True)))


if __name__ == "__main__":
    main()
