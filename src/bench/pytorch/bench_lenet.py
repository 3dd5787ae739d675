#!/usr/bin/env python3
"""PyTorch peer of ConvStudio's TrainThroughputBenchmark: the same LeNet, batch, optimiser (Adam,
lr 1e-3), synthetic input (a pool of 8 batches of N(0,1) pixels and random labels), thread count,
warm-up excluded, and the loss read back once at the end of the timed part. Prints images/s.

Run with Debian's interpreter (python3-torch): /usr/bin/python3 bench_lenet.py --threads 2
"""
import argparse
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def lenet():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120), nn.ReLU(),
        nn.Linear(120, 84), nn.ReLU(),
        nn.Linear(84, 10))


def steps(model, opt, xs, ys, n):
    losses = []
    for i in range(n):
        b = i % len(xs)
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(xs[b]), ys[b])
        loss.backward()
        opt.step()
        losses.append(loss.detach())
    return torch.stack(losses)[-1].item() if losses else float("nan")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--iterations", type=int, default=200)
    p.add_argument("--warmup", type=int, default=30)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    torch.manual_seed(1)
    model = lenet()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    xs = [torch.randn(a.batch, 1, 28, 28) for _ in range(8)]
    ys = [torch.randint(0, 10, (a.batch,)) for _ in range(8)]
    steps(model, opt, xs, ys, a.warmup)
    t0 = time.perf_counter()
    steps(model, opt, xs, ys, a.iterations)
    s = time.perf_counter() - t0
    print("pytorch %s batch=%d iterations=%d threads=%d seconds=%.3f images/s: %.1f"
          % (torch.__version__, a.batch, a.iterations, torch.get_num_threads(), s, a.iterations * a.batch / s))


if __name__ == "__main__":
    main()
