#!/usr/bin/env bash
# Resident memory over a 20-epoch run of `lenet` on the bundled sample: prints the RSS the train
# command reports after every epoch (residentMiB in its JSON) and the growth after epoch 1.
# JAVA_OPTS (default: a fixed, pre-touched 256 MiB heap) takes the Java heap out of the picture, so what
# moves is native memory (libtorch, NDArrays). Without it the JVM lets its heap grow lazily
# (up to a quarter of RAM) before collecting, which shows up as RSS growth that is not a leak.
#   src/bench/memory-soak.sh [--epochs 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
EPOCHS=20
if [[ "${1:-}" == "--epochs" ]]; then EPOCHS=$2; fi
[[ -f target/convstudio.jar ]] || mvn -B -q package -DskipTests
out=$(mktemp -d)
java ${JAVA_OPTS:--Xms256m -Xmx256m -XX:+AlwaysPreTouch} -jar target/convstudio.jar train lenet --epochs "$EPOCHS" --batch 64 --out "$out/run" --json > "$out/epochs.jsonl"
python3 - "$out/epochs.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
rss = [r["residentMiB"] for r in rows]
print("resident MiB per epoch:", " ".join(f"{v:.0f}" for v in rss))
print(f"after epoch 1: {rss[0]:.0f} MiB; max after: {max(rss[1:]):.0f} MiB; last: {rss[-1]:.0f} MiB; "
      f"growth epoch 2 -> last: {rss[-1] - rss[1]:+.0f} MiB")
PY
rm -rf "$out"
