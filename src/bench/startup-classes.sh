#!/usr/bin/env bash
# Regenerates the list of classes the app's start-up loads (JDK classes outside the default CDS archive,
# JavaFX, Jackson, Ikonli, AtlantaFX, ConvStudio...), in the order they are first needed, which
# ui.shell.StartupWarmup loads on a second thread while the FX thread builds the window.
#   mvn -B -q -o package -DskipTests && src/bench/startup-classes.sh
# A stale list is harmless (missing classes are skipped); regenerate it when start-up changes a lot.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=src/main/resources/org/convstudio/ui/shell/startup-classes.txt
log=$(mktemp)
home=$(mktemp -d)
trap 'rm -rf "$log" "$home"' EXIT
xvfb-run -a -s "-screen 0 1600x1000x24" java -Dconvstudio.warmup=false -Xlog:class+load=info:file="$log" \
  -Dconvstudio.startup.exit=true -Dconvstudio.home="$home" -Dconvstudio.prefs=org/convstudio-bench \
  -jar target/convstudio.jar >/dev/null 2>&1
grep -E 'source: (jrt:/|jar:file:|file:)' "$log" | awk '{print $2}' \
  | grep -vE '\$\$Lambda|/0x|^org\.convstudio\.Launcher$|StartupWarmup' > "$out"
echo "$(wc -l < "$out") classes → $out"
