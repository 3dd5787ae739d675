#!/usr/bin/env bash
# t-SNE benchmarks for the Embed workspace (issue 11), each printing its figures:
#
#   src/bench/embed-vs-sklearn.sh [sklearn|large|live|lenet|all] [--points N] [--rounds R]
#
#  sklearn  10,000 images of the bundled MNIST sample (PCA 50, perplexity 30): ConvStudio's `embed pixels`
#           and, on the very PCA input it saw (--save-input), scikit-learn's TSNE (n_jobs=2, init='pca',
#           learning_rate='auto', max_iter=750 like ConvStudio's 250 + 500), alternated ROUNDS times (ConvStudio
#           first and last). Prints wall seconds and process CPU seconds of each side (ConvStudio: its t-SNE
#           stages from the PCA input, i.e. kNN, affinities, optimisation; scikit-learn: fit_transform), the
#           load average, and the neighbourhood hit (k = 6) of both layouts, computed by the same Python code,
#           then the ratios. On a shared machine compare the CPU-second ratio.
#  large    70,000 points: the sample extended by jittered copies (`--synthesize 70000`: each copy shifted by
#           up to 2 px with light noise; the full MNIST is not available offline).
#  live     2,000 samples re-embedded from a previous layout of the same samples (`--init`), as live mode does
#           each epoch.
#  lenet    trains the lenet preset on the sample with the README's 25-epoch recipe and embeds the pixels and the
#           network's features (the input of its last Dense block) of the 2,000 validation images and of all
#           10,000: input-space vs learned-space hit (k = 6).
#
# Needs: mvn, python3 with numpy and scikit-learn (pip install scikit-learn) for `sklearn`.
set -euo pipefail
cd "$(dirname "$0")/../.."

WHAT=${1:-sklearn}; shift || true
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

bench_large() {
  local l0; l0=$(load)
  j=$($CS embed pixels --synthesize 70000 --json --out "$OUT/large")
  echo "$j"
  echo "70,000 points (load average $l0 -> $(load)): $(field "$j" seconds) s wall (kNN $(field "$j" neighborSeconds) s," \
       "optimisation $(field "$j" optimizeSeconds) s), t-SNE $(field "$j" tsneCpuSeconds) s CPU, whole command" \
       "$(field "$j" cpuSeconds) s CPU, hit $(field "$j" neighborhoodHit), trustworthiness $(field "$j" trustworthiness)"
}

bench_live() {
  $CS embed pixels --samples 2000 --json --out "$OUT/live0" > "$OUT/live0.json"
  local l0; l0=$(load)
  j=$($CS embed pixels --samples 2000 --init "$OUT/live0/embedding.csv" --json --out "$OUT/live1")
  echo "$j"
  echo "live mode, 2,000 points from the previous layout (load average $l0): $(field "$j" seconds) s wall ($(field "$j" optimizeSeconds) s optimising), $(field "$j" cpuSeconds) s CPU, hit $(field "$j" neighborhoodHit)"
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
}

case "$WHAT" in
  sklearn) bench_sklearn ;;
  large) bench_large ;;
  live) bench_live ;;
  lenet) bench_lenet ;;
  all) bench_sklearn; bench_large; bench_live; bench_lenet ;;
  *) echo "unknown benchmark $WHAT (sklearn|large|live|lenet|all)" >&2; exit 2 ;;
esac
echo "files in $OUT"
