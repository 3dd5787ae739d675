#!/usr/bin/env bash
# t-SNE benchmarks for the Embed workspace (issue 11), each printing its figures:
#
#   src/bench/embed-vs-sklearn.sh [sklearn|large|live|lenet|all] [--points N] [--rounds R]
#
#  sklearn  10,000 images of the bundled MNIST sample (PCA 50, perplexity 30): ConvStudio's `embed pixels`
#           and, on the very PCA input it saw (--save-input), scikit-learn's TSNE (n_jobs=2, init='pca',
#           learning_rate='auto'), alternated ROUNDS times (ConvStudio first and last). Prints seconds (wall)
#           and CPU seconds of each side and the neighbourhood hit (k = 6) of both layouts, computed by the
#           same Python code, then the ratios. On a shared machine compare the CPU-second ratio.
#  large    70,000 points: the sample extended by jittered copies (`--synthesize 70000`: each copy shifted by
#           up to 2 px with light noise; the full MNIST is not available offline).
#  live     2,000 samples re-embedded from a previous layout of the same samples (`--init`), as live mode does
#           each epoch.
#  lenet    trains the lenet preset on the sample (3 epochs) and embeds the 2,000 validation images' pixels and
#           the network's features (the input of its last Dense block): input-space vs learned-space hit.
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

[[ -f target/convstudio.jar ]] || mvn -B -q package -DskipTests
CS="java -Xmx8g -jar target/convstudio.jar"
OUT=$(mktemp -d /tmp/embed-bench.XXXXXX)
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])['$2'])" "$1"; }

bench_sklearn() {
  if ! python3 -c "import sklearn, numpy" 2>/dev/null; then
    echo "SKIPPED: scikit-learn is not installed for python3 (pip install scikit-learn)"; return 0
  fi
  local cs_wall=() cs_cpu=() sk_wall=() sk_cpu=() cs_hit sk_hit
  for r in $(seq 1 "$ROUNDS"); do
    j=$($CS embed pixels --samples "$POINTS" --perplexity 30 --json --out "$OUT/cs$r" --save-input "$OUT/pca50.npy")
    echo "convstudio round $r: $j"
    cs_wall+=("$(field "$j" tsneSeconds)"); cs_cpu+=("$(field "$j" cpuSeconds)")
    s=$(python3 src/bench/embed_sklearn.py "$OUT/pca50.npy" "$OUT/cs$r/embedding.csv" --perplexity 30)
    echo "sklearn    round $r: $s"
    sk_wall+=("$(field "$s" sklearnSeconds)"); sk_cpu+=("$(field "$s" sklearnCpuSeconds)")
    cs_hit=$(field "$s" convstudioNeighborhoodHit); sk_hit=$(field "$s" sklearnNeighborhoodHit)
  done
  j=$($CS embed pixels --samples "$POINTS" --perplexity 30 --json --out "$OUT/cs-last")
  echo "convstudio last   : $j"
  cs_wall+=("$(field "$j" tsneSeconds)"); cs_cpu+=("$(field "$j" cpuSeconds)")
  python3 - "$POINTS" "$cs_hit" "$sk_hit" "${cs_wall[*]}" "${cs_cpu[*]}" "${sk_wall[*]}" "${sk_cpu[*]}" <<'PY'
import statistics as st, sys
n, ch, sh = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
cw, cc, sw, sc = ([float(v) for v in a.split()] for a in sys.argv[4:8])
m = st.median
print(f"\n{n} points, perplexity 30, PCA-50 input (median of rounds)")
print(f"  ConvStudio t-SNE : {m(cw):8.1f} s wall (t-SNE from the PCA input)  {m(cc):8.1f} s CPU (whole embed incl. PCA+scores)  hit {ch:.4f}")
print(f"  scikit-learn TSNE: {m(sw):8.1f} s wall                               {m(sc):8.1f} s CPU                               hit {sh:.4f}")
print(f"  speed-up: {m(sw)/m(cw):.1f}x wall, {m(sc)/m(cc):.1f}x CPU; hit difference {ch-sh:+.4f}")
PY
}

bench_large() {
  j=$($CS embed pixels --synthesize 70000 --json --out "$OUT/large")
  echo "$j"
  echo "70,000 points: $(field "$j" seconds) s wall, $(field "$j" cpuSeconds) s CPU, hit $(field "$j" neighborhoodHit)"
}

bench_live() {
  $CS embed pixels --samples 2000 --json --out "$OUT/live0" > "$OUT/live0.json"
  j=$($CS embed pixels --samples 2000 --init "$OUT/live0/embedding.csv" --json --out "$OUT/live1")
  echo "$j"
  echo "live mode, 2,000 points from the previous layout: $(field "$j" seconds) s wall ($(field "$j" optimizeSeconds) s optimising), $(field "$j" cpuSeconds) s CPU, hit $(field "$j" neighborhoodHit)"
}

bench_lenet() {
  $CS train lenet --epochs 3 --out "$OUT/lenet" --json > "$OUT/train.json"
  tail -1 "$OUT/train.json"
  a=$($CS embed pixels --samples 2000 --json --out "$OUT/lenet-input")
  b=$($CS embed "$OUT/lenet" --samples 2000 --json --out "$OUT/lenet-latent")
  echo "$a"; echo "$b"
  echo "lenet, 2,000 validation images: input-space hit $(field "$a" neighborhoodHit), learned-space hit $(field "$b" neighborhoodHit) ($(field "$b" source))"
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
