#!/usr/bin/env bash
# Start-up time of the desktop app: JVM start → main window shown → first frame laid out (menus, sidebar,
# status bar) → the frame with the Design workspace's canvas laid out ("design ready"), N starts of the
# packaged jar under a virtual display (the app quits by itself then).
# COLD=1 drops the page cache before each start (needs root): a cold disk cache.
#   src/bench/startup.sh [runs] [--steps]
# --steps also prints the app's own start-up log (each step's time since JVM start).
# Needs: mvn -B -q -o package -DskipTests (target/convstudio.jar), xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
steps=false
[[ "${2:-}" == "--steps" || "${1:-}" == "--steps" ]] && steps=true
[[ "$runs" =~ ^[0-9]+$ ]] || runs=5
jar=${JAR:-target/convstudio.jar}  # JAR=other.jar measures another build
[[ -f $jar ]] || { echo "build first: mvn -B -q -o package -DskipTests" >&2; exit 1; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
level=info
$steps && level=debug
shown=()
frame=()
ready=()
for ((i = 1; i <= runs; i++)); do
  if [[ "${COLD:-0}" == 1 ]]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
  out=$(xvfb-run -a -s "-screen 0 1600x1000x24" java -Dconvstudio.startup.exit=true \
      -Dconvstudio.home="$home" -Dconvstudio.prefs=org/convstudio-bench \
      -Dorg.slf4j.simpleLogger.log.org.convstudio=$level -jar $jar 2>&1)
  $steps && grep -E "start-up|shown|First frame|laid out" <<<"$out" | sed 's/^/    /'
  line=$(grep '^startup:' <<<"$out" || true)
  [[ -n $line ]] || { echo "run $i: no start-up line"; echo "$out" | tail -5; continue; }
  s=$(sed -E 's/.*shown ([0-9]+) ms.*/\1/' <<<"$line")
  f=$(sed -E 's/.*first frame ([0-9]+) ms.*/\1/' <<<"$line")
  r=$(sed -E 's/.*design ready ([0-9]+) ms.*/\1/' <<<"$line")
  echo "run $i: window shown $s ms, first frame $f ms, design ready $r ms after JVM start"
  shown+=("$s")
  frame+=("$f")
  ready+=("$r")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "median of ${#shown[@]} runs: window shown $(median "${shown[@]}") ms, first frame $(median "${frame[@]}") ms," \
  "design ready $(median "${ready[@]}") ms" \
  "(load average $(cut -d' ' -f1-3 /proc/loadavg))"
