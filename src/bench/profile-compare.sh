#!/usr/bin/env bash
# Where one training step's time goes, operator by operator, in ConvStudio (libtorch 2.7.1 through DJL)
# and in PyTorch 2.13, for the same network, batch and thread count: 20 steps under each side's
# profiler after the timed run, self time per aten:: operator side by side, and how much of a step
# no operator covered (Java or Python between operators). Profilers slow both sides a little.
#
#   src/bench/profile-compare.sh [--net lenet|tinyvgg|resnet18-32] [--threads N] [--top 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
NET=tinyvgg; THREADS=$(nproc); TOP=20
while [[ $# -gt 0 ]]; do
  case "$1" in
    --net) NET=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --top) TOP=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PY=${PYTHON:-python3}
"$PY" -c 'import torch' 2>/dev/null || { echo "PyTorch missing: pip install torch" >&2; exit 1; }
case "$NET" in
  lenet) CS=lenet; BATCH=128 ;;
  tinyvgg) CS=tinyvgg; BATCH=32 ;;
  resnet18-32) CS=src/bench/resnet18-32.convnet.json; BATCH=64 ;;
  *) echo "unknown network $NET" >&2; exit 2 ;;
esac
mvn -B -q compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
CP="target/classes:$(cat target/bench.classpath)"
java -cp "$CP" org.convstudio.Launcher bench train "$CS" --batch "$BATCH" --iterations 60 --warmup 20 \
  --threads "$THREADS" --profile "$WORK/cs.json" 2>/dev/null | grep 'images/s'
"$PY" src/bench/pytorch/bench_train.py --net "$NET" --batch "$BATCH" --iterations 60 --warmup 20 \
  --threads "$THREADS" --profile 1 --trace "$WORK/pt.json" 2>/dev/null | grep 'images/s'
"$PY" src/bench/pytorch/trace_ops.py "$WORK/cs.json" "$WORK/pt.json" --steps 20 --top "$TOP"
