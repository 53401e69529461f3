#!/usr/bin/env bash
# Start-up benchmark of `kubectl openshell` (docs/benchmarks.md): each plugin command against
# `kubectl get` in one hyperfine run, before and after.
#   before: BEFORE_JAR=path/to/an/older/kubectl-openshell.jar runs that jar through today's launcher
#           (its own archive directory); without it, plain `java -jar` (no launcher at all)
#   after:  the launcher with this checkout's jar
# Needs hyperfine (Debian: apt-get install hyperfine), python3 for the summary, a running
# development API server with the examples applied (README tour) and KUBECONFIG pointing at it.
# Usage: bench/startup.sh [runs]   (writes target/bench-read.json, target/bench-write.json)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10}"
jar="$here/target/kubectl-openshell.jar"
launcher="$here/bin/kubectl-openshell"
cache="${OPENSHELL_PLUGIN_CACHE_DIR:-$here/target/bench-cache}"
after="env OPENSHELL_PLUGIN_CACHE_DIR=$cache/after $launcher"
if [ -n "${BEFORE_JAR:-}" ]; then
  before="env OPENSHELL_PLUGIN_JAR=$BEFORE_JAR OPENSHELL_PLUGIN_CACHE_DIR=$cache/before $launcher"
else
  before="java -jar $jar"
fi
echo "# $(date -u +%FT%TZ) load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
# the first successful command of each family writes its class archive (the warm-up run of
# each read-only command below writes the others)
for l in "$before" "$after"; do
  $l providers demo >/dev/null
  $l detach demo work-github >/dev/null 2>&1 || true
  $l attach demo work-github >/dev/null 2>&1 || true
done
read_only=("providers demo" "status" "policy get demo" "profile list" "profile export github")
args=()
for cmd in "${read_only[@]}"; do
  args+=(-n "before: $cmd" "$before $cmd" -n "after: $cmd" "$after $cmd")
done
hyperfine -N --warmup 1 --runs "$runs" --export-json "$here/target/bench-read.json" \
  -n "kubectl get sandboxes demo -o yaml" "kubectl get sandboxes demo -o yaml" "${args[@]}"
# attach/detach without --wait: each timed run is prepared by the opposite command
hyperfine -N --runs "$runs" --export-json "$here/target/bench-write.json" \
  -n "before: attach" -p "$after detach demo work-github" "$before attach demo work-github" \
  -n "after: attach" -p "$after detach demo work-github" "$after attach demo work-github" \
  -n "before: detach" -p "$after attach demo work-github" "$before detach demo work-github" \
  -n "after: detach" -p "$after attach demo work-github" "$after detach demo work-github"
$after attach demo work-github >/dev/null 2>&1 || true
echo "# $(date -u +%FT%TZ) load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# median, mean and the ratio of each median to kubectl get's
python3 - "$here/target/bench-read.json" "$here/target/bench-write.json" <<'EOF'
import json, statistics, sys
rows = []
for path in sys.argv[1:]:
    rows += json.load(open(path))["results"]
ref = next(r for r in rows if r["command"].startswith("kubectl get"))
ref_median = statistics.median(ref["times"])
print(f"{'command':45} {'median':>8} {'mean':>8} {'min':>8}  ÷ kubectl get (median)")
for r in rows:
    m = statistics.median(r["times"])
    print(f"{r['command']:45} {m*1000:7.0f}ms {r['mean']*1000:7.0f}ms {min(r['times'])*1000:7.0f}ms  {m/ref_median:5.1f}×")
EOF
