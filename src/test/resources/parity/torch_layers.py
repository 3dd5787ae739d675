#!/usr/bin/env python3
"""Reference outputs for LayerParityTest: reads DIR/manifest.json (one case per layer kind, written by
the Java test with the input, the parameters and the layer's settings as .npy files), runs each case
through torch.nn.functional and writes DIR/<case>.torch.npy (and, for batch norm in training mode, the
updated running statistics). One process for all cases."""
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

d = sys.argv[1]
cases = json.load(open(os.path.join(d, "manifest.json")))
load = lambda f: torch.from_numpy(np.load(os.path.join(d, f)))

for c in cases:
    x = load(c["input"])
    p = {k: load(v) for k, v in c.get("params", {}).items()}
    op = c["op"]
    extra = {}
    if op == "conv":
        y = F.conv2d(x, p["weight"], p.get("bias"), c["stride"], c["padding"], c["dilation"], c["groups"])
    elif op == "tableconv":
        k = c["kernel"]
        table = c["table"]
        w = torch.zeros(len(table), x.shape[1], k, k)
        flat = p["weight"].reshape(-1, k, k)
        n = 0
        for f, channels in enumerate(table):
            for ch in channels:
                w[f, ch] = flat[n]
                n += 1
        y = F.conv2d(x, w, p.get("bias"))
    elif op == "subsampling":
        k, s = c["kernel"], c["stride"]
        y = F.avg_pool2d(x, k, s) * (k * k) * p["coefficient"].view(1, -1, 1, 1) + p["bias"].view(1, -1, 1, 1)
    elif op == "maxpool":
        y = F.max_pool2d(x, c["kernel"], c["stride"], c["padding"])
    elif op == "avgpool":
        y = F.avg_pool2d(x, c["kernel"], c["stride"], c["padding"], count_include_pad=True)
    elif op == "l2pool":
        y = F.lp_pool2d(x, 2, c["kernel"], c["stride"])
    elif op == "lrn":
        y = F.local_response_norm(x, c["size"], c["alpha"], c["beta"], c["k"])
    elif op == "batchnorm":
        rm, rv = p["running_mean"].clone(), p["running_var"].clone()
        y = F.batch_norm(x, rm, rv, p["gamma"], p["beta"], c["training"], c["momentum"], c["eps"])
        extra = {"running_mean": rm, "running_var": rv}
    elif op == "dense":
        y = F.linear(x.reshape(x.shape[0], -1), p["weight"], p.get("bias"))
    elif op == "activation":
        kind, a = c["kind"], c.get("alpha", 0.0)
        y = {"relu": F.relu, "sigmoid": torch.sigmoid, "tanh": torch.tanh, "gelu": F.gelu,
             "leakyrelu": lambda t: F.leaky_relu(t, a), "elu": lambda t: F.elu(t, a)}[kind](x)
    elif op == "softmax":
        y = F.softmax(x, 1)
    elif op == "dropout_eval":
        y = F.dropout(x, c["rate"], training=False)
    elif op == "add":
        y = x + load(c["input2"])
    elif op == "concat":
        y = torch.cat([x, load(c["input2"])], 1)
    elif op == "flatten":
        y = torch.flatten(x, 1)
    elif op == "globalavgpool":
        y = F.adaptive_avg_pool2d(x, 1)
    else:
        raise SystemExit("unknown op " + op)
    np.save(os.path.join(d, c["name"] + ".torch.npy"), y.detach().numpy().astype(np.float32))
    for k, v in extra.items():
        np.save(os.path.join(d, c["name"] + "." + k + ".torch.npy"), v.numpy().astype(np.float32))
print("torch", torch.__version__, "cases", len(cases))
