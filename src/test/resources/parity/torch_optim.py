#!/usr/bin/env python3
"""Reference weights for OptimizerParityTest: DIR/manifest.json lists cases (optimizer, settings, the
starting parameters and one gradient per parameter and step as .npy files, written by the Java test).
Each case runs torch.optim's optimiser for those steps and writes DIR/<case>.<i>.torch.npy (parameter i
afterwards). One process for all cases."""
import json
import os
import sys

import numpy as np
import torch

d = sys.argv[1]
load = lambda f: torch.from_numpy(np.load(os.path.join(d, f)))
for c in json.load(open(os.path.join(d, "manifest.json"))):
    params = [load(f).clone().requires_grad_(True) for f in c["params"]]
    kind, lr, wd = c["optimizer"], c["lr"], c["weightDecay"]
    if kind == "adam":
        opt = torch.optim.Adam(params, lr=lr, betas=(c["beta1"], c["beta2"]), eps=c["eps"], weight_decay=wd)
    elif kind == "adamw":
        opt = torch.optim.AdamW(params, lr=lr, betas=(c["beta1"], c["beta2"]), eps=c["eps"], weight_decay=wd)
    elif kind == "sgd":
        opt = torch.optim.SGD(params, lr=lr, momentum=c["momentum"], nesterov=c["nesterov"], weight_decay=wd)
    elif kind == "rmsprop":
        opt = torch.optim.RMSprop(params, lr=lr, alpha=c["alpha"], eps=c["eps"], weight_decay=wd)
    else:
        raise SystemExit("unknown optimizer " + kind)
    for step in c["grads"]:
        for p, g in zip(params, step):
            p.grad = load(g).clone()
        opt.step()
    for i, p in enumerate(params):
        np.save(os.path.join(d, "%s.%d.torch.npy" % (c["name"], i)), p.detach().numpy().astype(np.float32))
print("torch", torch.__version__)
