#!/usr/bin/env bash
# t-SNE benchmarks for the Embed workspace (issue 11), each printing its figures:
#
#   src/bench/embed-vs-sklearn.sh [sklearn|large|knn|live|lenet|all] [--points N] [--rounds R]
#
#  sklearn  10,000 images of the bundled MNIST sample (PCA 50, perplexity 30): ConvStudio's `embed pixels`
#           and, on the very PCA input it saw (--save-input), scikit-learn's TSNE (n_jobs=2, init='pca',
#           learning_rate='auto', max_iter=750 like ConvStudio's 250 + 500), alternated ROUNDS times (ConvStudio
#           first and last). Prints wall seconds and process CPU seconds of each side (ConvStudio: its t-SNE
#           stages from the PCA input, i.e. kNN, affinities, optimisation; scikit-learn: fit_transform), the
#           load average, and the neighbourhood hit (k = 6) of both layouts, computed by the same Python code,
#           then the ratios. On a shared machine compare the CPU-second ratio.
#  large    70,000 points, whole `embed pixels` command under /usr/bin/time: Fashion-MNIST's 70,000 real images when
#           its IDX files are found (FASHION_MNIST=DIR, default /usr/share/datasets/fashion-mnist — Debian's package
#           dataset-fashion-mnist: apt-get install dataset-fashion-mnist), and the MNIST sample extended to 70,000 by
#           jittered copies (`--synthesize 70000`: each copy shifted by up to 2 px with light noise; the full MNIST is
#           not available offline). Prints wall and CPU seconds per stage and the kNN recall on 1,000 sampled points.
#  knn      the neighbour searches alone on the 70,000-point PCA inputs `large` saved: exact, HNSW, k-means cells with
#           8..32 probes — wall and CPU seconds and recall (KnnBenchmark; needs mvn test-compile).
#  live     the Embed workspace's live mode in one process (`bench embed-live`): lenet trained 1 epoch, then 1 more
#           (`train --resume`); the 2,000 validation images' relu4 activations after epoch 2 re-embedded from the
#           epoch-1 layout, 5 rounds, activations and re-embedding timed separately.
#  lenet    trains the lenet preset on the sample with the README's 25-epoch recipe and embeds the pixels and the
#           network's features (the input of its last Dense block) of the 2,000 validation images and of all
#           10,000: input-space vs learned-space hit (k = 6); then, on the 2,000 validation images, the layers
#           relu3 / relu4 / fc3 at perplexity 10 / 30 / 50, and the hit (k = 6) in the 84-d relu4 space itself.
#
# Needs: mvn, python3 with numpy and scikit-learn (pip install scikit-learn) for `sklearn`.
set -euo pipefail
cd "$(dirname "$0")/../.."

WHAT=${1:-sklearn}; shift || true
FASHION_MNIST=${FASHION_MNIST:-/usr/share/datasets/fashion-mnist}
POINTS=10000; ROUNDS=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --points) POINTS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if [[ -z "${CS:-}" ]]; then  # CS may name another launcher, e.g. "java -cp target/classes:... org.convstudio.Launcher"
  [[ -f target/convstudio.jar ]] || mvn -B -q package -DskipTests
  CS="java -Xmx8g -jar target/convstudio.jar"
fi
OUT=$(mktemp -d /tmp/embed-bench.XXXXXX)
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])['$2'])" "$1"; }

load() { cut -d" " -f1 /proc/loadavg; }

bench_sklearn() {
  if ! python3 -c "import sklearn, numpy" 2>/dev/null; then
    echo "SKIPPED: scikit-learn is not installed for python3 (pip install scikit-learn)"; return 0
  fi
  local cs_wall=() cs_cpu=() cs_all=() sk_wall=() sk_cpu=() cs_hit sk_hit cs_trust l0
  for r in $(seq 1 "$ROUNDS"); do
    l0=$(load)
    j=$($CS embed pixels --samples "$POINTS" --perplexity 30 --json --out "$OUT/cs$r" --save-input "$OUT/pca50.npy")
    echo "convstudio round $r (load average $l0 -> $(load)): $j"
    cs_wall+=("$(field "$j" tsneSeconds)"); cs_cpu+=("$(field "$j" tsneCpuSeconds)"); cs_all+=("$(field "$j" cpuSeconds)")
    cs_trust=$(field "$j" trustworthiness)
    s=$(python3 src/bench/embed_sklearn.py "$OUT/pca50.npy" "$OUT/cs$r/embedding.csv" --perplexity 30 --max-iter 750)
    echo "sklearn    round $r: $s"
    sk_wall+=("$(field "$s" sklearnSeconds)"); sk_cpu+=("$(field "$s" sklearnCpuSeconds)")
    cs_hit=$(field "$s" convstudioNeighborhoodHit); sk_hit=$(field "$s" sklearnNeighborhoodHit)
  done
  l0=$(load)
  j=$($CS embed pixels --samples "$POINTS" --perplexity 30 --json --out "$OUT/cs-last")
  echo "convstudio last    (load average $l0 -> $(load)): $j"
  cs_wall+=("$(field "$j" tsneSeconds)"); cs_cpu+=("$(field "$j" tsneCpuSeconds)"); cs_all+=("$(field "$j" cpuSeconds)")
  python3 - "$POINTS" "$cs_hit" "$sk_hit" "$cs_trust" "${cs_wall[*]}" "${cs_cpu[*]}" "${cs_all[*]}" "${sk_wall[*]}" "${sk_cpu[*]}" "$(load)" <<'PY'
import statistics as st, sys
n, ch, sh, ct = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
cw, cc, ca, sw, sc = ([float(v) for v in a.split()] for a in sys.argv[5:10])
m = st.median
print(f"\n{n} points, perplexity 30, PCA-50 input, 750 iterations on both sides (median of rounds; load average now {sys.argv[10]})")
print(f"  ConvStudio t-SNE : {m(cw):7.1f} s wall  {m(cc):7.1f} s CPU (kNN + affinities + optimisation; whole command {m(ca):.1f} s CPU)  hit {ch:.4f}  trustworthiness {ct:.4f}")
print(f"  scikit-learn TSNE: {m(sw):7.1f} s wall  {m(sc):7.1f} s CPU (fit_transform)  hit {sh:.4f}")
print(f"  CPU-time ratio {m(sc)/m(cc):.2f}x (wall {m(sw)/m(cw):.2f}x); hit difference {ch-sh:+.4f}")
PY
}

large_one() { # $1 label, rest: embed arguments
  local label=$1; shift
  local l0 j; l0=$(load)
  j=$( { /usr/bin/time -f "%U %S %e" -o "$OUT/time.txt" $CS embed pixels --json --knn-recall 1000 "$@"; } )
  echo "$j"
  read -r user sys wall < "$OUT/time.txt"
  python3 - "$label" "$j" "$user" "$sys" "$wall" "$l0" "$(load)" <<'PY'
import json, sys
label, o = sys.argv[1], json.loads(sys.argv[2])
user, sys_, wall, l0, l1 = float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), sys.argv[6], sys.argv[7]
print(f"{label}: {o['points']} points, load average {l0} -> {l1}")
print(f"  whole process: {wall:.1f} s wall, {user + sys_:.1f} s CPU (user {user:.1f} + sys {sys_:.1f}); "
      f"embedding stages {o['seconds']:.1f} s wall, {o['cpuSeconds']:.1f} s CPU")
for st, w, c in [("PCA 50", "pcaSeconds", "pcaCpuSeconds"), ("kNN (" + o["neighborSearch"] + ")", "neighborSeconds", "neighborCpuSeconds"),
                 ("affinities", "affinitySeconds", "affinityCpuSeconds"), ("optimisation", "optimizeSeconds", "optimizeCpuSeconds"),
                 ("scores", "qualitySeconds", "qualityCpuSeconds")]:
    print(f"  {st:<16} {o[w]:7.1f} s wall {o[c]:7.1f} s CPU")
print(f"  optimisation: attraction {o['attractionSeconds']:.1f} s, repulsion {o['repulsionSeconds']:.1f} s (FFT {o['fftSeconds']:.1f} s, "
      f"interpolation {o['interpolationSeconds']:.1f} s, grid {o['largestFftGrid']}^2), update {o['updateSeconds']:.1f} s (wall)")
print(f"  kNN recall {o['knnRecall']:.4f} on {o['knnRecallSamples']} sampled points; hit {o['neighborhoodHit']:.4f} (k = {o['k']}), "
      f"trustworthiness {o['trustworthiness']:.4f}, 6-NN accuracy {o['knnAccuracy']:.4f}")
print(f"  on 2 idle cores the whole process needs at least {(user + sys_) / 2:.1f} s (its CPU seconds / 2)")
PY
}

bench_large() {
  if ls "$FASHION_MNIST"/train-images-idx3-ubyte* >/dev/null 2>&1; then
    large_one "Fashion-MNIST (all 70,000 real images, $FASHION_MNIST)" --data "idx:$FASHION_MNIST" --out "$OUT/fashion" \
        --save-input "$OUT/fashion70k.npy"
  else
    echo "Fashion-MNIST not found in $FASHION_MNIST (apt-get install dataset-fashion-mnist, or FASHION_MNIST=DIR): skipped"
  fi
  large_one "MNIST sample + jittered copies (--synthesize 70000)" --synthesize 70000 --out "$OUT/synth" --save-input "$OUT/synth70k.npy"
}

bench_knn() {
  [[ -f "$OUT/synth70k.npy" ]] || bench_large
  mvn -B -q -o test-compile
  for f in "$OUT"/fashion70k.npy "$OUT"/synth70k.npy; do
    [[ -f "$f" ]] || continue
    echo "$f:"
    java -Xmx8g -cp "target/classes:target/test-classes:target/lib/*" org.convstudio.analysis.embed.KnnBenchmark "$f" 90 \
        cells:8 cells:16 cells:24 cells:32 exact hnsw
  done
}

bench_live() {
  $CS train lenet --data mnist-sample --epochs 1 --seed 42 --out "$OUT/live-e1" > /dev/null
  cp -r "$OUT/live-e1" "$OUT/live-e2"
  $CS train lenet --resume "$OUT/live-e2" --epochs 1 > /dev/null
  $CS bench embed-live "$OUT/live-e2" --previous "$OUT/live-e1" --samples 2000 --rounds 5
}

# The README's time-to-accuracy recipe (25 epochs, 98.65 % validation accuracy), then the input space and the
# last hidden layer (the input of the last Dense block, relu4) of the 2,000 validation images and of all 10,000.
bench_lenet() {
  $CS train lenet --data mnist-sample --epochs 25 --batch 128 --optimizer adam --lr 0.005 --schedule cosine \
      --augment-shift 2 --augment-rotate 12 --seed 42 --init he --out "$OUT/lenet" --json > "$OUT/train.json"
  tail -1 "$OUT/train.json"
  for n in 2000 10000; do
    a=$($CS embed pixels --samples $n --json --out "$OUT/lenet-input-$n")
    b=$($CS embed "$OUT/lenet" --samples $n --json --out "$OUT/lenet-latent-$n")
    echo "$a"; echo "$b"
    echo "lenet (25 epochs), $n images: input-space hit $(field "$a" neighborhoodHit), learned-space hit" \
         "$(field "$b" neighborhoodHit) (k = $(field "$b" k), $(field "$b" source)), trustworthiness" \
         "$(field "$a" trustworthiness) -> $(field "$b" trustworthiness)"
  done
  for layer in relu3 relu4 fc3; do
    for p in 10 30 50; do
      b=$($CS embed "$OUT/lenet" --samples 2000 --layer $layer --perplexity $p --json --out "$OUT/lenet-$layer-$p" \
          --save-input "$OUT/lenet-$layer-$p.npy")
      echo "lenet, 2,000 validation images, layer $layer, perplexity $p: hit $(field "$b" neighborhoodHit) (k = 6)," \
           "trustworthiness $(field "$b" trustworthiness), 6-NN accuracy $(field "$b" knnAccuracy)"
    done
  done
  python3 - "$OUT/lenet-relu4-30.npy" "$OUT/lenet-relu4-30/embedding.csv" <<'PY'
import sys, numpy as np
x = np.load(sys.argv[1]).astype(np.float64)
t = np.genfromtxt(sys.argv[2], delimiter=",", names=True)
lab, pred = t["label"].astype(int), t["prediction"].astype(int)
sq = (x * x).sum(1)
d = sq[:, None] + sq[None, :] - 2 * x @ x.T
np.fill_diagonal(d, np.inf)
idx = np.argsort(d, axis=1)[:, :6]
print(f"relu4 space itself (PCA 50 of 84-d), 2,000 validation images: hit {(lab[idx] == lab[:, None]).mean():.4f} (k = 6); "
      f"the network's accuracy on them {(lab == pred).mean():.4f} ({(lab != pred).sum()} misclassified)")
PY
}

case "$WHAT" in
  sklearn) bench_sklearn ;;
  large) bench_large ;;
  live) bench_live ;;
  knn) bench_knn ;;
  lenet) bench_lenet ;;
  all) bench_sklearn; bench_large; bench_knn; bench_live; bench_lenet ;;
  *) echo "unknown benchmark $WHAT (sklearn|large|knn|live|lenet|all)" >&2; exit 2 ;;
esac
echo "files in $OUT"
