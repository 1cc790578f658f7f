#!/usr/bin/env bash
# make bench: builds Release, then bench/ReviewBot.LoadBench starts its own Azurite (data under .local/bench/),
# token issuer, connector, managed-identity endpoint, Graph stand-in and bot processes on free ports, drives the
# load and prints one table on stdout (progress on stderr, logs in .local/bench/). See docs/performance.md.
# BENCH_SECONDS (default 10) is the length of each measured window; the whole run takes about 3 minutes at 10.
# BENCH_ONLY=turns or sweep runs only the turn rows or only the reminder sweep.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .local
echo "Building Release ..." >&2
if ! dotnet build bench/ReviewBot.LoadBench -c Release -warnaserror -nologo -v:q -clp:ErrorsOnly > .local/bench-build.log 2>&1; then
  cat .local/bench-build.log >&2
  exit 1
fi
exec dotnet bench/ReviewBot.LoadBench/bin/Release/net10.0/ReviewBot.LoadBench.dll
