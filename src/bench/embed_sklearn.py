#!/usr/bin/env python3
"""scikit-learn's t-SNE on the same PCA input ConvStudio's embed command saw (--save-input).

usage: embed_sklearn.py INPUT.npy EMBEDDING.csv [--seed S] [--perplexity P] [--max-iter N]
Reads the labels (and ConvStudio's layout) from EMBEDDING.csv, runs sklearn.manifold.TSNE (n_jobs=2,
init='pca', learning_rate='auto', max_iter as ConvStudio: 750), and prints one JSON object: sklearn's wall
and CPU seconds (process time: all its threads), the 1-minute load average before and after, and the
neighbourhood hit (k = 6, same definition) of both layouts, computed here by the same code.
"""
import argparse
import json
import os
import sys
import time

import numpy as np


def neighborhood_hit(layout, labels, k=6):
    from sklearn.neighbors import NearestNeighbors
    nn = NearestNeighbors(n_neighbors=k + 1).fit(layout)
    _, idx = nn.kneighbors(layout)
    idx = idx[:, 1:]  # drop the point itself
    return float((labels[idx] == labels[:, None]).mean())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("csv")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--perplexity", type=float, default=30.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--max-iter", type=int, default=750,
                    help="total iterations incl. the 250 of early exaggeration (ConvStudio runs 250 + 500)")
    a = ap.parse_args()
    try:
        import sklearn
        from sklearn.manifold import TSNE
    except ImportError:
        print("scikit-learn is not installed: pip install scikit-learn", file=sys.stderr)
        sys.exit(2)
    x = np.load(a.input).astype(np.float32)
    table = np.genfromtxt(a.csv, delimiter=",", names=True)
    labels = table["label"].astype(int)
    ours = np.stack([table["x"], table["y"]], axis=1)
    load0 = os.getloadavg()[0]
    t0, c0 = time.perf_counter(), time.process_time()
    tsne = TSNE(n_components=2, perplexity=a.perplexity, init="pca", learning_rate="auto",
                n_jobs=a.jobs, random_state=a.seed, max_iter=a.max_iter)
    y = tsne.fit_transform(x)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(json.dumps({
        "sklearn": sklearn.__version__,
        "points": int(x.shape[0]),
        "sklearnSeconds": round(wall, 3),
        "sklearnCpuSeconds": round(cpu, 3),
        "sklearnIterations": int(getattr(tsne, "n_iter_", 0)),
        "loadBefore": load0,
        "loadAfter": os.getloadavg()[0],
        "sklearnNeighborhoodHit": neighborhood_hit(y, labels),
        "convstudioNeighborhoodHit": neighborhood_hit(ours, labels),
    }))


if __name__ == "__main__":
    main()
