#!/usr/bin/env bash
# Start-up benchmark of `kubectl openshell` (docs/benchmarks.md): each plugin command against
# `kubectl get` in one hyperfine run, before (plain `java -jar`, what the launcher did until
# now) and after (the launcher: newest JDK, C1, serial GC, class-data archive).
# Needs hyperfine (Debian: apt-get install hyperfine), a running development API server with the
# examples applied (README tour) and KUBECONFIG pointing at it. Usage: bench/startup.sh [runs]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10}"
jar="$here/target/kubectl-openshell.jar"
launcher="$here/bin/kubectl-openshell"
export OPENSHELL_PLUGIN_CACHE_DIR="${OPENSHELL_PLUGIN_CACHE_DIR:-$here/target/bench-cache}"
before="java -jar $jar"
echo "# $(date -u +%FT%TZ) load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$launcher" providers demo >/dev/null # writes the class-data archive
read_only=("providers demo" "status" "policy get demo" "profile list" "profile export github")
args=()
for cmd in "${read_only[@]}"; do
  args+=(-n "before: $cmd" "$before $cmd" -n "after: $cmd" "$launcher $cmd")
done
hyperfine -N --warmup 1 --runs "$runs" --export-markdown "$here/target/bench-read.md" \
  -n "kubectl get sandboxes demo -o yaml" "kubectl get sandboxes demo -o yaml" "${args[@]}"
# attach/detach without --wait: each timed run is prepared by the opposite command
hyperfine -N --runs "$runs" --export-markdown "$here/target/bench-write.md" \
  -n "before: attach" -p "$launcher detach demo work-github" "$before attach demo work-github" \
  -n "after: attach" -p "$launcher detach demo work-github" "$launcher attach demo work-github" \
  -n "before: detach" -p "$launcher attach demo work-github" "$before detach demo work-github" \
  -n "after: detach" -p "$launcher attach demo work-github" "$launcher detach demo work-github"
"$launcher" attach demo work-github >/dev/null 2>&1 || true
echo "# $(date -u +%FT%TZ) load average: $(cut -d' ' -f1-3 /proc/loadavg)"
