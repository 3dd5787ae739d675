#!/usr/bin/env python3
"""Trains the design in model.py (beside this file) with the recipe in settings.json (written by
ConvStudio from the run's settings: optimiser, learning-rate schedule, batch size, epochs, seed,
augmentation, normalisation), then writes weights.safetensors that ConvStudio imports with
`convstudio import weights`.

One process (CPU or one GPU):
    python3 train.py --data idx:DIR
Several processes (DistributedDataParallel; one per GPU, or gloo on the CPU):
    torchrun --nproc_per_node=4 train.py --data idx:DIR

--data takes idx:DIR (MNIST-format IDX files: train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz],
t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]) or folder:DIR (one sub-folder of images per
class; needs Pillow). The batch size in settings.json is the global batch: each of N processes takes 1/N.
"""
import argparse
import csv
import gzip
import json
import math
import os
import random
import sys
import time

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.utils.data import DistributedSampler, RandomSampler, SequentialSampler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import model as exported  # noqa: E402  (the model.py written beside this file)


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(2)


# ----------------------------------------------------------------------------- data

def read_idx(path):
    with open(path, "rb") as f:
        head = f.read(2)
    opener = gzip.open if head == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        data = f.read()
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] != 0x08:
        fail(f"{path} is not an unsigned-byte IDX file: give a folder of MNIST-format files.")
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    count = math.prod(shape)
    body = data[4 + 4 * dims:4 + 4 * dims + count]
    if len(body) < count:
        fail(f"{path} is shorter than its header says ({len(body)} of {count} bytes): download it again.")
    return torch.frombuffer(bytearray(body), dtype=torch.uint8).reshape(shape)


def find_idx(folder, split, kind, idx):
    for name in sorted(os.listdir(folder)):
        low = name.lower()
        if idx in low and kind in low and any(s in low for s in split):
            return os.path.join(folder, name)
    fail(f"The folder {folder} has no {split[0]} {kind} file (e.g. {split[0]}-{kind}s-{idx}-ubyte.gz): "
         "give a folder with the four MNIST-format IDX files.")


def load_idx(folder):
    splits = []
    for split in (("train",), ("t10k", "test")):
        images = read_idx(find_idx(folder, split, "image", "idx3")).unsqueeze(1)
        labels = read_idx(find_idx(folder, split, "label", "idx1")).long()
        if len(images) != len(labels):
            fail(f"{folder}: {len(images)} {split[0]} images but {len(labels)} labels: the files do not belong together.")
        splits.append((images.float() / 255.0, labels))
    return splits[0], splits[1]


def load_folder(folder, shape, fraction, seed):
    try:
        from PIL import Image
    except ImportError:
        fail("folder:DIR needs Pillow to read images: pip install pillow (or convert the images to IDX files).")
    c, h, w = shape
    classes = sorted(d for d in os.listdir(folder) if os.path.isdir(os.path.join(folder, d)) and not d.startswith("."))
    if not classes:
        fail(f"The folder {folder} has no sub-folders, so it has no classes: put each class's images in its own sub-folder.")
    rng = random.Random(seed)
    train, val = ([], []), ([], [])
    for label, name in enumerate(classes):
        files = []
        for root, _, names in os.walk(os.path.join(folder, name)):
            files += [os.path.join(root, n) for n in sorted(names)
                      if n.lower().rsplit(".", 1)[-1] in ("png", "jpg", "jpeg", "bmp", "gif")]
        rng.shuffle(files)
        held = int(round(len(files) * fraction))
        for i, path in enumerate(files):
            try:
                img = Image.open(path).convert("L" if c == 1 else "RGB").resize((w, h), Image.BILINEAR)
            except OSError:
                continue
            t = torch.frombuffer(bytearray(img.tobytes()), dtype=torch.uint8).reshape(h, w, -1).permute(2, 0, 1)
            target = val if i < held else train
            target[0].append(t.float() / 255.0)
            target[1].append(label)
    return tuple((torch.stack(x), torch.tensor(y)) for x, y in (train, val))


def adapt(images, shape, name):
    """Resizes / converts grey<->RGB when the data does not match the network's input (ConvStudio's --adapt)."""
    c, h, w = shape
    if tuple(images.shape[1:]) == (c, h, w):
        return images
    print(f"note: {name} images are {tuple(images.shape[1:])}, the network takes {shape}: converting them", file=sys.stderr)
    if images.shape[1] != c:
        images = images.mean(dim=1, keepdim=True) if c == 1 else images[:, :1].repeat(1, c, 1, 1)
    if images.shape[2:] != (h, w):
        images = F.interpolate(images, size=(h, w), mode="bilinear", align_corners=False)
    return images


# ----------------------------------------------------------------------------- the recipe

def learning_rate(s, step, steps_per_epoch, total_steps):
    """ConvStudio's LrSchedule.rate: optional linear warm-up, then constant, step decay or cosine."""
    base = s["learningRate"]
    sch = s["schedule"]
    warm = sch.get("warmupSteps", 0)
    if step < warm:
        return base * (step + 1) / warm
    kind = sch["kind"].upper()
    if kind == "STEP":
        epoch = step // max(1, steps_per_epoch)
        return base * sch["gamma"] ** (epoch // sch["stepEpochs"])
    if kind == "COSINE":
        span = max(1, total_steps - warm - 1)
        t = min(1.0, (step - warm) / span)
        low = base * sch["minFactor"]
        return low + (base - low) * 0.5 * (1 + math.cos(math.pi * t))
    return base


def optimizer(s, params):
    kind = s["optimizer"].upper()
    lr, wd = s["learningRate"], s.get("weightDecay", 0.0)
    if kind == "SGD":
        return torch.optim.SGD(params, lr=lr, momentum=s.get("momentum", 0.0), nesterov=s.get("nesterov", False),
                               weight_decay=wd)
    if kind == "ADAM":
        return torch.optim.Adam(params, lr=lr, betas=(s["beta1"], s["beta2"]), eps=s["epsilon"], weight_decay=wd)
    if kind == "ADAMW":
        return torch.optim.AdamW(params, lr=lr, betas=(s["beta1"], s["beta2"]), eps=s["epsilon"], weight_decay=wd)
    if kind == "RMSPROP":
        return torch.optim.RMSprop(params, lr=lr, alpha=s["rmsAlpha"], eps=s["epsilon"], weight_decay=wd)
    fail(f"settings.json names the optimiser {s['optimizer']!r}; use SGD, ADAM, ADAMW or RMSPROP.")


def fit_normalization(images):
    c = images.shape[1]
    flat = images.transpose(0, 1).reshape(c, -1).double()
    mean = flat.mean(dim=1)
    std = (flat.pow(2).mean(dim=1) - mean.pow(2)).clamp_min(0).sqrt()
    std = torch.where(std < 1e-6, torch.ones_like(std), std)
    return mean.float().tolist(), std.float().tolist()


def transform(x, dx, dy, degrees):
    """Moves each image right by dx and down by dy pixels and rotates it by degrees (clockwise on screen)
    about its centre, sampling bilinearly with zeros from outside: ConvStudio's Augmenter.transform."""
    n, _, h, w = x.shape
    rad = degrees * math.pi / 180
    cos, sin = rad.cos(), rad.sin()
    cx, cy = max((w - 1) / 2, 0.5), max((h - 1) / 2, 0.5)
    theta = torch.stack([
        torch.stack([cos, sin * cy / cx, -(cos * dx + sin * dy) / cx], dim=1),
        torch.stack([-sin * cx / cy, cos, (sin * dx - cos * dy) / cy], dim=1)], dim=1).float().to(x.device)
    grid = F.affine_grid(theta, list(x.shape), align_corners=True)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=True)


def augment(x, max_shift, max_degrees, gen):
    """ConvStudio's training augmentation (applied before normalisation): a random whole-pixel shift in
    [-max_shift, max_shift] along each axis and a random rotation in [-max_degrees, max_degrees] per image."""
    n = x.shape[0]
    dx = torch.randint(-max_shift, max_shift + 1, (n,), generator=gen).double() if max_shift > 0 else torch.zeros(n, dtype=torch.float64)
    dy = torch.randint(-max_shift, max_shift + 1, (n,), generator=gen).double() if max_shift > 0 else torch.zeros(n, dtype=torch.float64)
    deg = (torch.rand(n, generator=gen, dtype=torch.float64) * 2 - 1) * max_degrees
    return transform(x, dx, dy, deg)


# ----------------------------------------------------------------------------- training

def main():
    p = argparse.ArgumentParser(description="Train the exported ConvStudio design (single process or torchrun/DDP).")
    p.add_argument("--data", required=True, help="idx:DIR (MNIST-format IDX files) or folder:DIR (a sub-folder per class)")
    p.add_argument("--settings", default=os.path.join(HERE, "settings.json"), help="the recipe (default: settings.json beside train.py)")
    p.add_argument("--epochs", type=int, help="override the settings' epochs")
    p.add_argument("--limit", type=int, default=0, help="use only the first N training and N/4 validation images")
    p.add_argument("--out", default=os.path.join(HERE, "trained"), help="where weights.safetensors and the history go")
    p.add_argument("--init", help="start from these weights (default: weights.safetensors beside train.py, if any)")
    p.add_argument("--fresh", action="store_true", help="start from random weights even if weights.safetensors exists")
    p.add_argument("--device", help="cpu, cuda or cuda:N (default: cuda when available)")
    p.add_argument("--threads", type=int, default=0, help="CPU threads per process (default: PyTorch's choice)")
    a = p.parse_args()

    try:
        with open(a.settings) as f:
            s = json.load(f)
    except OSError as e:
        fail(f"Cannot read the settings {a.settings}: {e.strerror}. Export again, or pass --settings FILE.")
    epochs = a.epochs or s["epochs"]
    if a.threads > 0:
        torch.set_num_threads(a.threads)

    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    want_cuda = (a.device or ("cuda" if torch.cuda.is_available() else "cpu")).startswith("cuda")
    if want_cuda and not torch.cuda.is_available():
        fail("--device cuda asked for a GPU but PyTorch sees none: use --device cpu.")
    device = torch.device(a.device if a.device and ":" in a.device else (f"cuda:{local_rank}" if want_cuda else "cpu"))
    distributed = world > 1
    if distributed:
        dist.init_process_group(backend="nccl" if want_cuda else "gloo")
        if want_cuda:
            torch.cuda.set_device(device)
    main_rank = rank == 0

    def log(msg):
        if main_rank:
            print(msg, flush=True)

    # data
    kind, _, where = a.data.partition(":")
    if kind == "idx" and where:
        (xtr, ytr), (xva, yva) = load_idx(where)
    elif kind == "folder" and where:
        (xtr, ytr), (xva, yva) = load_folder(where, exported.INPUT_SHAPE, 0.2, s.get("seed", 42))
    else:
        fail(f"--data {a.data!r}: write idx:DIR (MNIST-format IDX files) or folder:DIR (one sub-folder of images per class).")
    xtr, xva = adapt(xtr, exported.INPUT_SHAPE, "training"), adapt(xva, exported.INPUT_SHAPE, "validation")
    if a.limit > 0:
        xtr, ytr = xtr[:a.limit], ytr[:a.limit]
        xva, yva = xva[:max(1, a.limit // 4)], yva[:max(1, a.limit // 4)]
    if int(ytr.max()) >= exported.NUM_CLASSES:
        fail(f"The data has labels up to {int(ytr.max())} but the network has {exported.NUM_CLASSES} outputs: "
             f"set the last Dense block to {int(ytr.max()) + 1} units in ConvStudio and export again.")

    norm = s.get("normalization") or {"normalize": True}
    if norm.get("normalize", True):
        if not norm.get("mean") or not norm.get("std"):
            norm["mean"], norm["std"] = fit_normalization(xtr)
        mean = torch.tensor(norm["mean"], dtype=torch.float32, device=device).view(1, -1, 1, 1)
        std = torch.tensor(norm["std"], dtype=torch.float32, device=device).view(1, -1, 1, 1)
    else:
        mean = std = None
    norm = {"normalize": mean is not None, "mean": norm.get("mean"), "std": norm.get("std")}

    def prepare(x, train, gen=None):
        x = x.to(device, non_blocking=True)
        if train and (s.get("augmentShift", 0) > 0 or s.get("augmentDegrees", 0) > 0):
            x = augment(x, int(s.get("augmentShift", 0)), float(s.get("augmentDegrees", 0)), gen)
        return (x - mean) / std if mean is not None else x

    # model
    torch.manual_seed(s.get("seed", 42))
    net = exported.build()
    beside = os.path.join(HERE, "weights.safetensors")
    init = a.init or (beside if os.path.exists(beside) and not a.fresh else None)
    if init:
        exported.load_weights(net, init)
        log(f"starting from {init}")
    net.to(device)
    trainable = sum(p.numel() for p in net.parameters() if p.requires_grad)
    model = torch.nn.parallel.DistributedDataParallel(net, device_ids=[device.index] if want_cuda else None) if distributed else net
    opt = optimizer(s, [p for p in net.parameters() if p.requires_grad])
    loss_fn = torch.nn.CrossEntropyLoss()

    global_batch = s["batchSize"]
    batch = max(1, global_batch // world)
    if distributed:
        sampler = DistributedSampler(range(len(xtr)), num_replicas=world, rank=rank, shuffle=s.get("shuffle", True),
                                     seed=s.get("seed", 42))
    else:
        g = torch.Generator().manual_seed(s.get("seed", 42))
        sampler = RandomSampler(range(len(xtr)), generator=g) if s.get("shuffle", True) else SequentialSampler(range(len(xtr)))
    steps_per_epoch = math.ceil(len(sampler) / batch)
    total_steps = steps_per_epoch * epochs
    aug_gen = torch.Generator().manual_seed(s.get("seed", 42) * 1000 + rank)
    log(f"{exported.NAME}: {trainable:,} trainable parameters; {len(xtr)} training / {len(xva)} validation images; "
        f"{world} process{'es' if world > 1 else ''} on {device.type}, batch {batch} per process ({batch * world} in all), "
        f"{s['optimizer']} lr {s['learningRate']}, {epochs} epoch{'s' if epochs != 1 else ''}")

    os.makedirs(a.out, exist_ok=True)
    history = []
    step = 0
    for epoch in range(1, epochs + 1):
        if distributed:
            sampler.set_epoch(epoch)
        model.train()
        order = list(sampler)
        started = time.time()
        sums = torch.zeros(3, dtype=torch.float64, device=device)  # loss * n, correct, n
        lr = s["learningRate"]
        for b in range(steps_per_epoch):
            idx = torch.tensor(order[b * batch:(b + 1) * batch], dtype=torch.long)
            if len(idx) == 0:
                continue
            x = prepare(xtr[idx], True, aug_gen)
            y = ytr[idx].to(device)
            lr = learning_rate(s, step, steps_per_epoch, total_steps)
            for group in opt.param_groups:
                group["lr"] = lr
            out = model(x)
            loss = loss_fn(out, y)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            step += 1
            sums += torch.tensor([loss.item() * len(idx), (out.argmax(1) == y).sum().item(), len(idx)],
                                 dtype=torch.float64, device=device)
        if distributed:
            dist.all_reduce(sums)
        seconds = time.time() - started
        if main_rank:
            net.eval()
            vl, vc = 0.0, 0
            with torch.no_grad():
                for i in range(0, len(xva), 256):
                    out = net(prepare(xva[i:i + 256], False))
                    yv = yva[i:i + 256].to(device)
                    vl += F.cross_entropy(out, yv, reduction="sum").item()
                    vc += (out.argmax(1) == yv).sum().item()
            row = {"epoch": epoch, "trainLoss": sums[0].item() / sums[2].item(), "trainAccuracy": sums[1].item() / sums[2].item(),
                   "validationLoss": vl / max(1, len(xva)), "validationAccuracy": vc / max(1, len(xva)),
                   "learningRate": lr, "seconds": seconds, "imagesPerSecond": sums[2].item() / max(seconds, 1e-9)}
            history.append(row)
            print(f"epoch {epoch:3d}  train loss {row['trainLoss']:.4f} acc {row['trainAccuracy']:.4f}  "
                  f"val loss {row['validationLoss']:.4f} acc {row['validationAccuracy']:.4f}  "
                  f"{row['imagesPerSecond']:8.0f} images/s", flush=True)
            # rank 0 writes the checkpoint: weights named as the module's state_dict keys
            exported.save_safetensors(net.state_dict(), os.path.join(a.out, "weights.safetensors"), {
                "format": "pt", "convstudio.design": exported.NAME, "convstudio.epochs": epoch,
                "convstudio.normalization": json.dumps(norm)})
            with open(os.path.join(a.out, "history.json"), "w") as f:
                json.dump(history, f, indent=2)
            with open(os.path.join(a.out, "history.csv"), "w", newline="") as f:
                wr = csv.DictWriter(f, fieldnames=list(row))
                wr.writeheader()
                wr.writerows(history)
        if distributed:
            dist.barrier()
    log(f"weights written to {os.path.join(a.out, 'weights.safetensors')}; "
        f"import them with: convstudio import weights <run-folder|design> {os.path.join(a.out, 'weights.safetensors')}")
    if distributed:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
