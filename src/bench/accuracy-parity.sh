#!/usr/bin/env bash
# Accuracy parity, ConvStudio (`train`, DJL + libtorch 2.7.1) vs PyTorch (python3 torch), same network,
# data, split, normalisation and recipe; prints the validation accuracy of every seed and the means.
#
#   src/bench/accuracy-parity.sh [--seeds 3] [--epochs-lenet 5] [--epochs-tinyvgg 25] [--only lenet|tinyvgg]
#                                [--init pytorch|xavier|he] [--threads 1]
#
# Data: the bundled MNIST sample (lenet, batch 128, Adam 1e-3) and a generated colour folder
# (src/bench/pytorch/make_shapes.py: 3 shape classes, 32x32 PNGs, read and resized to 64x64 by
# ConvStudio; tinyvgg, batch 32, Adam 1e-3). PyTorch trains on the exact arrays ConvStudio feeds its
# network (org.convstudio.engine.bench.DataExport: the same 20 % validation split, resize and
# per-channel normalisation). Both sides: a new shuffle every epoch, the last partial batch kept,
# PyTorch's default initialisation unless --init says otherwise (the PyTorch column always uses it).
# Reported: the best validation accuracy over the epochs (as in issue 7) and the last epoch's.
set -euo pipefail
cd "$(dirname "$0")/../.."

SEEDS=3; EPOCHS_LENET=5; EPOCHS_TINYVGG=25; ONLY=""; INIT=pytorch; THREADS=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seeds) SEEDS=$2; shift 2 ;;
    --epochs-lenet) EPOCHS_LENET=$2; shift 2 ;;
    --epochs-tinyvgg) EPOCHS_TINYVGG=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --init) INIT=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
PY=${PYTHON:-python3}
"$PY" -c 'import torch, numpy' 2>/dev/null || { echo "PyTorch missing: pip install torch numpy" >&2; exit 1; }

mvn -B -q compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
cp -r target/classes "$WORK/classes" # a snapshot: later builds in this tree do not change a running benchmark
CP="$WORK/classes:$(cat target/bench.classpath)"

field() { "$PY" -c "import sys, json; print(json.loads(sys.stdin.read())['$1'])"; }
mean() { awk '{s += $1} END {printf "%.4f", s / NR}'; }

run() { # net data-spec epochs batch
  local net=$1 data=$2 epochs=$3 batch=$4
  java -cp "$CP" org.convstudio.engine.bench.DataExport "$net" "$data" "$WORK/$net-npy" >/dev/null
  local cb=() cf=() pb=() pf=()
  for ((s = 1; s <= SEEDS; s++)); do
    c=$(java -cp "$CP" org.convstudio.Launcher train "$net" --data "$data" --adapt --epochs "$epochs" --batch "$batch" \
          --lr 0.001 --optimizer adam --seed "$s" --init "$INIT" --threads "$THREADS" --out "$WORK/run-$net-$s" --json 2>/dev/null \
        | "$PY" -c "import sys, json; a = [json.loads(l)['valAcc'] for l in sys.stdin if l.startswith('{')]; print(json.dumps({'bestValAcc': max(a), 'finalValAcc': a[-1]}))")
    p=$("$PY" src/bench/pytorch/train_parity.py --net "$net" --data "$WORK/$net-npy" --epochs "$epochs" --batch "$batch" \
          --lr 0.001 --seed "$s" --threads "$THREADS")
    cb+=("$(field bestValAcc <<< "$c")"); cf+=("$(field finalValAcc <<< "$c")")
    pb+=("$(field bestValAcc <<< "$p")"); pf+=("$(field finalValAcc <<< "$p")")
    printf '%-8s seed %d  convstudio best %.4f final %.4f   pytorch best %.4f final %.4f\n' "$net" "$s" \
      "${cb[-1]}" "${cf[-1]}" "${pb[-1]}" "${pf[-1]}"
  done
  local mcb mpb mcf mpf
  mcb=$(printf '%s\n' "${cb[@]}" | mean); mpb=$(printf '%s\n' "${pb[@]}" | mean)
  mcf=$(printf '%s\n' "${cf[@]}" | mean); mpf=$(printf '%s\n' "${pf[@]}" | mean)
  printf '%-8s mean    convstudio best %s final %s   pytorch best %s final %s   difference best %+.4f final %+.4f  (%d seeds, %d epochs, init %s)\n' \
    "$net" "$mcb" "$mcf" "$mpb" "$mpf" "$(awk -v a="$mcb" -v b="$mpb" 'BEGIN {print a - b}')" \
    "$(awk -v a="$mcf" -v b="$mpf" 'BEGIN {print a - b}')" "$SEEDS" "$epochs" "$INIT"
}

echo "torch $("$PY" -c 'import torch; print(torch.__version__)'), threads $THREADS, OMP_WAIT_POLICY=$OMP_WAIT_POLICY, load: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -z $ONLY || $ONLY == lenet ]]; then
  run lenet mnist-sample "$EPOCHS_LENET" 128
fi
if [[ -z $ONLY || $ONLY == tinyvgg ]]; then
  "$PY" src/bench/pytorch/make_shapes.py "$WORK/shapes" >/dev/null
  run tinyvgg "folder:$WORK/shapes" "$EPOCHS_TINYVGG" 32
fi
