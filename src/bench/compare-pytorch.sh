#!/usr/bin/env bash
# Training throughput, ConvStudio (`bench train lenet`: the lenet preset built by NetworkBlock, the
# app's own training step, on DJL + libtorch 2.7.1) vs PyTorch (Debian python3-torch), same LeNet,
# batch, optimiser (Adam), synthetic input and thread count. Runs both alternately, ROUNDS times each,
# and prints every round, the medians and the ratio ConvStudio / PyTorch.
#
#   src/bench/compare-pytorch.sh [--rounds 3] [--batch 128] [--iterations 200] [--threads N] [--with-naive]
#
# --with-naive also runs NaiveDjlBaseline (the textbook DJL Trainer/EasyTrain loop on the same libtorch)
# in each round, to show what the ConvStudio loop gains over it.
# --passive exports OMP_WAIT_POLICY=PASSIVE for both sides (OpenMP workers sleep instead of spinning
# between operators: much steadier numbers when other processes share the cores).
#
# Needs: mvn (compiles the project), /usr/bin/python3 with torch (apt-get install -y python3-torch).
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=3; BATCH=128; ITERATIONS=200; WARMUP=30; THREADS=$(nproc); NAIVE=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --batch) BATCH=$2; shift 2 ;;
    --iterations) ITERATIONS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --with-naive) NAIVE=1; shift ;;
    --passive) export OMP_WAIT_POLICY=PASSIVE; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

PY=/usr/bin/python3
if ! "$PY" -c 'import torch' 2>/dev/null; then
  echo "PyTorch missing: apt-get install -y python3-torch" >&2; exit 1
fi

mvn -B -q compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="target/classes:$(cat target/bench.classpath)"
ARGS=(--batch "$BATCH" --iterations "$ITERATIONS" --warmup "$WARMUP" --threads "$THREADS")

rate() { sed -n 's/.*images\/s: \([0-9.]*\).*/\1/p' | tail -1; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-default} threads=$THREADS batch=$BATCH iterations=$ITERATIONS warmup=$WARMUP rounds=$ROUNDS load: $(cut -d' ' -f1-3 /proc/loadavg)"
CS=(); PT=(); NV=()
for ((r = 1; r <= ROUNDS; r++)); do
  c=$(java -Xmx2g -cp "$CP" org.convstudio.Launcher bench train lenet "${ARGS[@]}" 2>/dev/null | rate)
  p=$("$PY" src/bench/pytorch/bench_lenet.py "${ARGS[@]}" | rate)
  CS+=("$c"); PT+=("$p")
  extra=""
  if [[ $NAIVE == 1 ]]; then
    n=$(java -Xmx2g -cp "$CP" org.convstudio.engine.bench.NaiveDjlBaseline "${ARGS[@]}" 2>/dev/null | rate)
    NV+=("$n"); extra=$(printf '   naive-djl %10.1f images/s' "$n")
  fi
  printf 'round %d  convstudio %10.1f images/s   pytorch %10.1f images/s   ratio %.2f%s\n' "$r" "$c" "$p" \
    "$(awk -v a="$c" -v b="$p" 'BEGIN {print a / b}')" "$extra"
done
if [[ $NAIVE == 1 ]]; then
  printf 'median     naive-djl  %10.1f images/s\n' "$(printf '%s\n' "${NV[@]}" | median)"
fi
cm=$(printf '%s\n' "${CS[@]}" | median)
pm=$(printf '%s\n' "${PT[@]}" | median)
printf 'median     convstudio %10.1f images/s   pytorch %10.1f images/s   ratio ConvStudio/PyTorch %.2f\n' \
  "$cm" "$pm" "$(awk -v a="$cm" -v b="$pm" 'BEGIN {print a / b}')"
