import json
import struct

import torch
from torch import nn
import torch.nn.functional as F


# ----------------------------------------------------------------------------- blocks PyTorch has no class for

class Subsampling(nn.Module):
    """LeNet-5's trainable subsampling: the sum of each window, times a learnt coefficient per channel,
    plus a learnt bias per channel (2 parameters per channel). Starts as average pooling."""

    def __init__(self, channels, kernel, stride):
        super().__init__()
        self.kernel = kernel
        self.stride = stride
        self.coefficient = nn.Parameter(torch.full((channels,), 1.0 / (kernel * kernel)))
        self.bias = nn.Parameter(torch.zeros(channels))

    def forward(self, x):
        s = F.avg_pool2d(x, self.kernel, self.stride) * (self.kernel * self.kernel)
        return s * self.coefficient.view(1, -1, 1, 1) + self.bias.view(1, -1, 1, 1)


class TableConv2d(nn.Module):
    """A convolution with a connection table (LeNet-5's C3): filter f reads only the input channels
    table[f]. Only the connected kernels are parameters (one flat `weight`, filter by filter, channel by
    channel in table order); they are scattered into a full kernel (zeros elsewhere) on every call."""

    def __init__(self, in_channels, table, kernel_size, stride, padding, dilation, bias):
        super().__init__()
        kh, kw = kernel_size
        self.out_channels = len(table)
        self.in_channels = in_channels
        self.kernel_size = kernel_size
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        k = kh * kw
        connected = sum(len(row) for row in table) * k
        index = [connected] * (self.out_channels * in_channels * k)
        n = 0
        for f, row in enumerate(table):
            for c in row:
                for i in range(k):
                    index[(f * in_channels + c) * k + i] = n
                    n += 1
        self.register_buffer("index", torch.tensor(index, dtype=torch.long), persistent=False)
        bound = 1.0 / (connected / self.out_channels) ** 0.5
        self.weight = nn.Parameter(torch.empty(connected).uniform_(-bound, bound))
        if bias:
            self.bias = nn.Parameter(torch.empty(self.out_channels).uniform_(-bound, bound))
        else:
            self.register_parameter("bias", None)

    def full_weight(self):
        padded = torch.cat([self.weight, self.weight.new_zeros(1)])
        return padded[self.index].view(self.out_channels, self.in_channels, *self.kernel_size)

    def forward(self, x):
        return F.conv2d(x, self.full_weight(), self.bias, self.stride, self.padding, self.dilation)


class GlobalAvgPool(nn.Module):
    """Averages each feature map into one value: (N, C, H, W) becomes (N, C)."""

    def forward(self, x):
        return x.mean(dim=(2, 3))


class Add(nn.Module):
    """Adds its inputs value by value (ResNet's shortcut)."""

    def forward(self, *xs):
        out = xs[0]
        for x in xs[1:]:
            out = out + x
        return out


class Concat(nn.Module):
    """Stacks its inputs' channels (or joins vectors end to end)."""

    def forward(self, *xs):
        return torch.cat(xs, dim=1)


class OutputSoftmax(nn.Module):
    """The design's final Softmax. The module returns class scores (logits), as ConvStudio does, because
    CrossEntropyLoss applies the softmax itself; use Net.probabilities(x) for probabilities."""

    def forward(self, x):
        return x


class Scope(nn.Module):
    """A container that only groups blocks under a dotted name ("layer1.0.conv1"), as torchvision does."""


# ----------------------------------------------------------------------------- safetensors without extra packages

_DTYPES = {torch.float32: "F32", torch.float64: "F64", torch.float16: "F16", torch.bfloat16: "BF16",
           torch.int64: "I64", torch.int32: "I32", torch.uint8: "U8", torch.bool: "BOOL"}
_TORCH = {v: k for k, v in _DTYPES.items()}


def save_safetensors(tensors, path, metadata=None):
    """Writes a dict of tensors in the safetensors format (8-byte little-endian header length, JSON
    header with dtype/shape/data_offsets, raw little-endian data)."""
    header = {}
    blobs = []
    offset = 0
    for name, t in tensors.items():
        t = t.detach().to("cpu").contiguous()
        raw = t.reshape(-1).view(torch.uint8).numpy().tobytes() if t.numel() else b""
        header[name] = {"dtype": _DTYPES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    tmp = str(path) + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for raw in blobs:
            f.write(raw)
    import os
    os.replace(tmp, path)


def load_safetensors(path):
    """Reads a safetensors file: (dict of tensors, metadata dict)."""
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {}) or {}
    base = 8 + n
    tensors = {}
    for name, entry in header.items():
        start, end = entry["data_offsets"]
        dtype = _TORCH[entry["dtype"]]
        buf = bytearray(data[base + start:base + end])
        t = torch.frombuffer(buf, dtype=dtype) if len(buf) else torch.empty(0, dtype=dtype)
        tensors[name] = t.reshape(entry["shape"]).clone()
    return tensors, metadata
