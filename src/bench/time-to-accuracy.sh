#!/usr/bin/env bash
# Time to accuracy: trains the `lenet` preset on the bundled MNIST sample with the README's recipe and
# prints, from the per-epoch JSON, the first epoch at or above the target validation accuracy, the
# training seconds up to it, the final accuracy and the whole command's wall time.
#
#   src/bench/time-to-accuracy.sh [--target 0.985] [extra train options...]
set -euo pipefail
cd "$(dirname "$0")/../.."
TARGET=0.985
if [[ "${1:-}" == "--target" ]]; then TARGET=$2; shift 2; fi
[[ -f target/convstudio.jar ]] || mvn -B -q package -DskipTests
out=$(mktemp -d)
start=$(date +%s.%N)
java -jar target/convstudio.jar train lenet --data mnist-sample --epochs 25 --batch 128 --optimizer adam --lr 0.005 \
  --schedule cosine --augment-shift 2 --augment-rotate 12 --seed 42 --out "$out/run" --json "$@" > "$out/epochs.jsonl"
end=$(date +%s.%N)
python3 - "$out/epochs.jsonl" "$TARGET" "$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
target, wall = float(sys.argv[2]), float(sys.argv[3])
hit = next((r for r in rows if r["valAcc"] is not None and r["valAcc"] >= target), None)
if hit:
    secs = sum(r["seconds"] for r in rows if r["epoch"] <= hit["epoch"])
    print(f"reached {target:.3f} at epoch {hit['epoch']} after {secs:.1f} s of training")
else:
    print(f"never reached {target:.3f}")
print(f"final epoch {rows[-1]['epoch']}: val acc {rows[-1]['valAcc']:.4f}, training {sum(r['seconds'] for r in rows):.1f} s, "
      f"whole command {wall:.1f} s (JVM start, data, libtorch load included)")
PY
rm -rf "$out"
