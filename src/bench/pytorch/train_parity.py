#!/usr/bin/env python3
"""PyTorch peer of `convstudio train` for the accuracy-parity benchmark: trains the same network
(lenet or tinyvgg, PyTorch's default initialisation) with the same recipe (Adam, constant learning
rate, batch size, epochs, a new shuffle every epoch, the last partial batch kept) on the exact arrays
ConvStudio feeds its network (written by org.convstudio.engine.bench.DataExport: train_x.npy,
train_y.npy, val_x.npy, val_y.npy), and prints one JSON line with the best and the final validation
accuracy.

    python3 train_parity.py --net tinyvgg --data DIR --epochs 25 --batch 32 --lr 0.001 --seed 1
"""
import argparse
import json
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def lenet():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def tinyvgg():
    return nn.Sequential(
        nn.Conv2d(3, 10, 3), nn.ReLU(), nn.Conv2d(10, 10, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(10, 10, 3), nn.ReLU(), nn.Conv2d(10, 10, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(10 * 13 * 13, 10))


NETS = {"lenet": lenet, "tinyvgg": tinyvgg}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--net", choices=sorted(NETS), required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--epochs", type=int, default=25)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--init", choices=["pytorch", "he"], default="pytorch")
    a = p.parse_args()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    load = lambda n: torch.from_numpy(np.load(os.path.join(a.data, n)))
    tx, ty, vx, vy = load("train_x.npy").float(), load("train_y.npy").long(), load("val_x.npy").float(), load("val_y.npy").long()
    model = NETS[a.net]()
    if a.init == "he":  # what ConvStudio used before: He-normal weights, zero biases
        for m in model.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
                nn.init.zeros_(m.bias)
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)
    g = torch.Generator().manual_seed(a.seed)
    accs = []
    for epoch in range(a.epochs):
        model.train()
        order = torch.randperm(len(tx), generator=g)
        for i in range(0, len(tx), a.batch):
            idx = order[i:i + a.batch]
            opt.zero_grad(set_to_none=True)
            F.cross_entropy(model(tx[idx]), ty[idx]).backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            correct = sum((model(vx[i:i + 256]).argmax(1) == vy[i:i + 256]).sum().item() for i in range(0, len(vx), 256))
        accs.append(correct / len(vx))
    print(json.dumps({"net": a.net, "seed": a.seed, "bestValAcc": max(accs), "finalValAcc": accs[-1],
                      "valAcc": [round(x, 4) for x in accs], "torch": torch.__version__}))


if __name__ == "__main__":
    main()
