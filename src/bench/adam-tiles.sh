#!/usr/bin/env bash
# The one-pass Adam's step (engine.train.FusedAdam: tiles copied onto heap arrays, SIMD arithmetic) against the
# same arithmetic element by element through the tensors' buffers, on lenet's 61,706 and ResNet-18's 11.2 M
# values, 1 and 2 threads; milliseconds per step, medians of the rounds (FusedAdamBenchmark).
#   src/bench/adam-tiles.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.convstudio.engine.train.FusedAdamBenchmark "${1:-7}"
