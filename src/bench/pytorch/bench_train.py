#!/usr/bin/env python3
"""PyTorch peer of `convstudio bench train`: the same network (lenet, tinyvgg, resnet18-32), batch,
optimiser (Adam, lr 1e-3), synthetic input (a pool of 8 batches of N(0,1) pixels and random labels),
thread count, warm-up excluded, the loss read back once at the end of the timed part. Prints images/s.

    python3 bench_train.py --net lenet --batch 128 --threads 2 [--phases] [--profile N]

--phases also times forward, backward and optimiser step of every timed batch (CPU ops are
synchronous, so wall-clock timers are exact) and prints their share; --profile N prints torch.profiler's
table of the N most expensive operators over 20 steps.
"""
import argparse
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def lenet():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def tinyvgg():
    return nn.Sequential(
        nn.Conv2d(3, 10, 3), nn.ReLU(), nn.Conv2d(10, 10, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(10, 10, 3), nn.ReLU(), nn.Conv2d(10, 10, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(10 * 13 * 13, 10))


class BasicBlock(nn.Module):
    """torchvision's ResNet BasicBlock (written out: torchvision is not needed)."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.down = None
        if stride != 1 or cin != cout:
            self.down = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return F.relu(y + (x if self.down is None else self.down(x)))


def resnet18(classes=10):
    layers = [nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(3, 2, 1)]
    cin = 64
    for i, w in enumerate((64, 128, 256, 512)):
        for b in range(2):
            layers.append(BasicBlock(cin, w, 2 if i > 0 and b == 0 else 1))
            cin = w
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(512, classes)]
    return nn.Sequential(*layers)


NETS = {"lenet": (lenet, (1, 28, 28)), "tinyvgg": (tinyvgg, (3, 64, 64)), "resnet18-32": (resnet18, (3, 32, 32))}


def steps(model, opt, xs, ys, n, phases=None):
    losses = []
    for i in range(n):
        b = i % len(xs)
        t0 = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(xs[b]), ys[b])
        t1 = time.perf_counter()
        loss.backward()
        t2 = time.perf_counter()
        opt.step()
        t3 = time.perf_counter()
        if phases is not None:
            phases[0] += t1 - t0
            phases[1] += t2 - t1
            phases[2] += t3 - t2
        losses.append(loss.detach())
    return torch.stack(losses)[-1].item() if losses else float("nan")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--net", choices=sorted(NETS), default="lenet")
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--iterations", type=int, default=200)
    p.add_argument("--warmup", type=int, default=30)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--phases", action="store_true")
    p.add_argument("--profile", type=int, default=0)
    p.add_argument("--trace", default="", help="with --profile: also write a Chrome trace JSON here")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    torch.manual_seed(1)
    factory, chw = NETS[a.net]
    model = factory()
    model.train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    xs = [torch.randn(a.batch, *chw) for _ in range(8)]
    ys = [torch.randint(0, 10, (a.batch,)) for _ in range(8)]
    steps(model, opt, xs, ys, a.warmup)
    phases = [0.0, 0.0, 0.0] if a.phases else None
    t0 = time.perf_counter()
    steps(model, opt, xs, ys, a.iterations, phases)
    s = time.perf_counter() - t0
    print("pytorch %s net=%s batch=%d iterations=%d threads=%d seconds=%.3f images/s: %.1f"
          % (torch.__version__, a.net, a.batch, a.iterations, torch.get_num_threads(), s, a.iterations * a.batch / s))
    if phases is not None:
        ms = lambda v: 1000 * v / a.iterations
        print("phases ms/batch: data 0.000 forward+loss %.3f backward %.3f optimizer %.3f other %.3f"
              % (ms(phases[0]), ms(phases[1]), ms(phases[2]), ms(s - sum(phases))))
    if a.profile:
        from torch.profiler import profile, ProfilerActivity
        with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
            steps(model, opt, xs, ys, 20)
        print(prof.key_averages(group_by_input_shape=True).table(sort_by="self_cpu_time_total", row_limit=a.profile))
        if a.trace:
            prof.export_chrome_trace(a.trace)


if __name__ == "__main__":
    main()
