#!/usr/bin/env bash
# make infra: bicep build + build-params + lint of infra/, offline, with the Bicep CLI that
# infra/tools/BicepCli.proj restores from NuGet. Any warning or error fails (exit 1).
set -uo pipefail
cd "$(dirname "$0")/.."
bicep="$1"
out=artifacts/infra
mkdir -p "$out"
log="$out/bicep.log"
: >"$log"
status=0
run() { echo "+ bicep $*" >>"$log"; "$bicep" "$@" >>"$log" 2>&1 || status=1; }
run build infra/main.bicep --outfile "$out/main.json"
run build-params infra/main.bicepparam --outfile "$out/main.parameters.json"
run lint infra/main.bicep
run lint infra/main.bicepparam
if grep -qE ': (Warning|Error) ' "$log"; then status=1; fi
grep -vE '^\+ bicep ' "$log" || true
if [ "$status" -ne 0 ]; then echo "make infra: bicep reported problems (see above, full log $log)" >&2; exit 1; fi
echo "make infra: main.bicep and main.bicepparam build and lint clean (bicep $("$bicep" --version | grep -o '[0-9][0-9.]*' | head -1))"
