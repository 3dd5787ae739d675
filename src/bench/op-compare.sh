#!/usr/bin/env bash
# Per-operator comparison: the same operators at the benchmark networks' shapes, timed through DJL on
# libtorch 2.7.1 (org.convstudio.engine.bench.OpBenchmark) and in PyTorch 2.13 (pytorch/op_bench.py),
# alternating ROUNDS times; prints the median ms of each side and the ratio libtorch-2.7.1 / torch-2.13
# (above 1: the operator is slower in the libtorch DJL ships).
#
#   src/bench/op-compare.sh [--rounds 3] [--threads N] [--repeats 30]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=3; THREADS=$(nproc); REPEATS=30
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --repeats) REPEATS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
PY=${PYTHON:-python3}
mvn -B -q compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
cp -r target/classes "$WORK/classes"
CP="$WORK/classes:$(cat target/bench.classpath)"
for ((r = 1; r <= ROUNDS; r++)); do
  java -cp "$CP" org.convstudio.engine.bench.OpBenchmark --threads "$THREADS" --repeats "$REPEATS" 2>/dev/null | sed 's/^/djl /' >> "$WORK/all"
  "$PY" src/bench/pytorch/op_bench.py --threads "$THREADS" --repeats "$REPEATS" | sed 's/^/torch /' >> "$WORK/all"
done
echo "OMP_WAIT_POLICY=$OMP_WAIT_POLICY threads=$THREADS rounds=$ROUNDS load: $(cut -d' ' -f1-3 /proc/loadavg); medians over rounds, ms"
"$PY" - "$WORK/all" <<'PYEOF'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    m = re.match(r"(\w+) op (.*?)\s+forward_ms\s+([\d.]+) train_ms\s+([\d.]+)", line)
    if m:
        side, name, f, t = m.group(1), m.group(2), float(m.group(3)), float(m.group(4))
        rows.setdefault(name, {}).setdefault(side, []).append((f, t))
print("%-40s %26s %26s %16s" % ("operator", "libtorch 2.7.1 fwd / f+b", "torch 2.13 fwd / f+b", "ratio fwd / f+b"))
for name, s in rows.items():
    d = [statistics.median(x) for x in zip(*s["djl"])]
    t = [statistics.median(x) for x in zip(*s["torch"])]
    print("%-40s %12.3f / %11.3f %12.3f / %11.3f %7.2f / %6.2f" % (name, d[0], d[1], t[0], t[1], d[0] / t[0], d[1] / t[1]))
PYEOF
