#!/usr/bin/env bash
# Training throughput, ConvStudio (`bench train`: the network built by NetworkBlock, the app's own
# training step, on DJL + libtorch 2.7.1) vs PyTorch (python3 torch, 2.13 here), same network, batch,
# optimiser (Adam 1e-3), synthetic input and thread count, for three networks:
#   lenet (batch 128), tinyvgg (batch 32), ResNet-18 on 32x32 input (src/bench/resnet18-32.convnet.json, batch 64).
# Each round runs every network on both sides, alternating, so both see the same machine load; prints
# every round, the medians and the ratio ConvStudio / PyTorch per network.
#
#   src/bench/compare-pytorch.sh [--rounds 5] [--iterations N] [--warmup W] [--threads N] [--only NET]
#                                [--phases] [--passive] [--with-naive] [--malloc-ablation]
#
# --phases     also prints where each batch's time goes on both sides (data, forward+loss, backward, optimizer)
# --passive    exports OMP_WAIT_POLICY=PASSIVE for both sides (OpenMP workers sleep instead of spinning
#              between operators: much steadier numbers when other processes share the cores)
# --with-naive also runs NaiveDjlBaseline (the textbook DJL Trainer/EasyTrain loop, lenet only)
# --malloc-ablation also runs ConvStudio with -Dconvstudio.malloc.tune=false (glibc's default malloc
#              thresholds, see engine.device.NativeAllocator) and prints its rate and ratio
#
# Needs: mvn (compiles the project), python3 with torch (pip install torch).
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=5; ITERATIONS=0; WARMUP=0; THREADS=$(nproc); NAIVE=0; PHASES=0; ONLY=""; ABLATION=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --iterations) ITERATIONS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --with-naive) NAIVE=1; shift ;;
    --malloc-ablation) ABLATION=1; shift ;;
    --phases) PHASES=1; shift ;;
    --passive) export OMP_WAIT_POLICY=PASSIVE; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

PY=${PYTHON:-python3}
if ! "$PY" -c 'import torch' 2>/dev/null; then
  echo "PyTorch missing: pip install torch" >&2; exit 1
fi

mvn -B -q compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
cp -r target/classes "$WORK/classes" # a snapshot: later builds in this tree do not change a running benchmark
CP="$WORK/classes:$(cat target/bench.classpath)"

# name | ConvStudio network | PyTorch net | batch | iterations | warm-up
NETS=("lenet|lenet|lenet|128|200|30" "tinyvgg|tinyvgg|tinyvgg|32|60|10" "resnet18-32|src/bench/resnet18-32.convnet.json|resnet18-32|64|15|5")

rate() { sed -n 's/.*images\/s: \([0-9.]*\).*/\1/p' | tail -1; }
phases() { grep '^phases' | sed 's/phases ms\/batch: //' || true; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "torch $("$PY" -c 'import torch; print(torch.__version__)') vs ConvStudio (libtorch 2.7.1)  OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-default} threads=$THREADS rounds=$ROUNDS load: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A CS PT AB
for ((r = 1; r <= ROUNDS; r++)); do
  for spec in "${NETS[@]}"; do
    IFS='|' read -r name cs pt batch it wu <<< "$spec"
    [[ -n $ONLY && $ONLY != "$name" ]] && continue
    [[ $ITERATIONS -gt 0 ]] && it=$ITERATIONS
    [[ $WARMUP -gt 0 ]] && wu=$WARMUP
    extra=(); [[ $PHASES == 1 ]] && extra=(--phases)
    # alternate which side goes first, so neither always runs on a warmer (or busier) machine
    if (( r % 2 )); then
      co=$(java -Xmx4g -cp "$CP" org.convstudio.Launcher bench train "$cs" --batch "$batch" --iterations "$it" --warmup "$wu" --threads "$THREADS" "${extra[@]}" 2>/dev/null)
      po=$("$PY" src/bench/pytorch/bench_train.py --net "$pt" --batch "$batch" --iterations "$it" --warmup "$wu" --threads "$THREADS" "${extra[@]}")
    else
      po=$("$PY" src/bench/pytorch/bench_train.py --net "$pt" --batch "$batch" --iterations "$it" --warmup "$wu" --threads "$THREADS" "${extra[@]}")
      co=$(java -Xmx4g -cp "$CP" org.convstudio.Launcher bench train "$cs" --batch "$batch" --iterations "$it" --warmup "$wu" --threads "$THREADS" "${extra[@]}" 2>/dev/null)
    fi
    c=$(rate <<< "$co"); p=$(rate <<< "$po")
    if [[ $ABLATION == 1 ]]; then
      ao=$(java -Xmx4g -Dconvstudio.malloc.tune=false -cp "$CP" org.convstudio.Launcher bench train "$cs" --batch "$batch" --iterations "$it" --warmup "$wu" --threads "$THREADS" 2>/dev/null)
      a=$(rate <<< "$ao"); AB[$name]+="$a "
      printf 'round %d  %-12s batch %3d  convstudio with glibc malloc defaults %9.1f images/s   ratio to PyTorch %.2f\n' "$r" "$name" "$batch" \
        "$a" "$(awk -v a="$a" -v b="$p" 'BEGIN {print a / b}')"
    fi
    CS[$name]+="$c "; PT[$name]+="$p "
    printf 'round %d  %-12s batch %3d  convstudio %9.1f images/s   pytorch %9.1f images/s   ratio %.2f\n' "$r" "$name" "$batch" \
      "$c" "$p" "$(awk -v a="$c" -v b="$p" 'BEGIN {print a / b}')"
    if [[ $PHASES == 1 ]]; then
      echo "           convstudio ms/batch: $(phases <<< "$co")"
      echo "           pytorch    ms/batch: $(phases <<< "$po")"
    fi
  done
  if [[ $NAIVE == 1 ]]; then
    n=$(java -Xmx2g -cp "$CP" org.convstudio.engine.bench.NaiveDjlBaseline --batch 128 --iterations 200 --warmup 30 2>/dev/null | rate)
    printf 'round %d  lenet        naive-djl (Trainer/EasyTrain) %9.1f images/s\n' "$r" "$n"
  fi
done
for spec in "${NETS[@]}"; do
  IFS='|' read -r name cs pt batch it wu <<< "$spec"
  [[ -n $ONLY && $ONLY != "$name" ]] && continue
  cm=$(tr ' ' '\n' <<< "${CS[$name]}" | grep . | median)
  pm=$(tr ' ' '\n' <<< "${PT[$name]}" | grep . | median)
  printf 'median   %-12s batch %3d  convstudio %9.1f images/s   pytorch %9.1f images/s   ratio ConvStudio/PyTorch %.2f\n' \
    "$name" "$batch" "$cm" "$pm" "$(awk -v a="$cm" -v b="$pm" 'BEGIN {print a / b}')"
  if [[ $ABLATION == 1 ]]; then
    am=$(tr ' ' '\n' <<< "${AB[$name]}" | grep . | median)
    printf 'median   %-12s batch %3d  convstudio with glibc malloc defaults %9.1f images/s   ratio to PyTorch %.2f\n' \
      "$name" "$batch" "$am" "$(awk -v a="$am" -v b="$pm" 'BEGIN {print a / b}')"
  fi
done
