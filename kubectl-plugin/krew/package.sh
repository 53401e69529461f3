#!/usr/bin/env bash
# Builds the krew archive and manifest from a packaged plugin:
#   ./mvnw -pl kubectl-plugin -am package -DskipTests && kubectl-plugin/krew/package.sh
# Output: kubectl-plugin/target/krew/{kubectl-openshell.tar.gz,openshell.yaml}
set -euo pipefail
module="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$module/target/kubectl-openshell.jar"
[ -f "$jar" ] || { echo "missing $jar: run ./mvnw -pl kubectl-plugin -am package first" >&2; exit 1; }
version="$(unzip -p "$jar" kubectl-openshell.properties | sed -n 's/^version=//p')"
out="$module/target/krew"
stage="$out/stage"
rm -rf "$out" && mkdir -p "$stage"
cp "$module/bin/kubectl-openshell" "$jar" "$stage/"
if [ -f "$module/../LICENSE" ]; then
  cp "$module/../LICENSE" "$stage/LICENSE"
else
  echo "See the openshell-operator repository for license terms." > "$stage/LICENSE"
fi
# a reproducible archive: fixed order, owner and times
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00Z' \
  -C "$stage" -czf "$out/kubectl-openshell.tar.gz" kubectl-openshell kubectl-openshell.jar LICENSE
sha="$(sha256sum "$out/kubectl-openshell.tar.gz" | cut -d' ' -f1)"
sed -e "s/\${VERSION}/${version%-SNAPSHOT}/" -e "s/\${SHA256}/$sha/" \
  "$module/krew/openshell.yaml" > "$out/openshell.yaml"
rm -rf "$stage"
echo "$out/openshell.yaml"
