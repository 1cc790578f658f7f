#!/usr/bin/env bash
# Screenshots of the cards as the Microsoft 365 Agents Playground renders them (headless Chromium), written to
# docs/screenshots/: the welcome card, a referral question, the summary, the panel-meeting slot card, the Graph
# stand-in's page with the invite, the decision card, `my tasks`, the status card and its extension form, and
# after the approval an IMR card and the review's first stage card, the chronology form (asked again, then with two
# entries), the export links, an action's card and the action plan.
# Starts its own Azurite (in memory, so every run begins from the demo board alone), Graph stand-in, bot and
# Playground on free ports, runs scripts/screenshots.mjs, and stops them all. Needs Chromium
# (`apt-get install chromium`; CHROMIUM=/path overrides /usr/bin/chromium). Run it with `make screenshots`.
# KEEP_RUNNING=1 leaves everything up afterwards (Ctrl-C stops it) to look at the Playground yourself.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${SCREENSHOTS_DIR:-docs/screenshots}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
LOGS=.local/logs/screenshots
mkdir -p "$LOGS" "$OUT"
if [[ ! -x "$CHROMIUM" ]]; then
  echo "Chromium not found at $CHROMIUM: apt-get install chromium (or set CHROMIUM=/path/to/chromium)." >&2
  exit 1
fi

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
AZURITE_PORT=$(free_port); GRAPH_PORT=$(free_port); BOT_PORT=$(free_port); PLAYGROUND_PORT=$(free_port)

pids=()
stop_all() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

wait_for_url() { # url, name, log
  for _ in $(seq 1 240); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    sleep 0.5
  done
  echo "$2 did not answer at $1; see $3" >&2; exit 1
}

echo "Building ..."
dotnet build src/ReviewBot -nologo -v:q -clp:ErrorsOnly > "$LOGS/build.log" 2>&1 || { cat "$LOGS/build.log"; exit 1; }
dotnet build src/ReviewBot.GraphStandIn -nologo -v:q -clp:ErrorsOnly >> "$LOGS/build.log" 2>&1 || { cat "$LOGS/build.log"; exit 1; }

node node_modules/azurite/dist/src/table/main.js --inMemoryPersistence --disableTelemetry --silent \
  --skipApiVersionCheck --tableHost 127.0.0.1 --tablePort "$AZURITE_PORT" > "$LOGS/azurite.log" 2>&1 &
pids+=($!)
dotnet run --no-build --project src/ReviewBot.GraphStandIn -- --urls "http://127.0.0.1:$GRAPH_PORT" \
  --StandIn:BoardFiles:0 "$PWD/src/ReviewBot/Storage/demo-board.json" > "$LOGS/graph-stand-in.log" 2>&1 &
pids+=($!)
export ASPNETCORE_ENVIRONMENT=Development
export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;"
export Graph__BaseUrl="http://127.0.0.1:$GRAPH_PORT/v1.0"
dotnet run --no-build --project src/ReviewBot --urls "http://127.0.0.1:$BOT_PORT" > "$LOGS/bot.log" 2>&1 &
pids+=($!)
wait_for_url "http://127.0.0.1:$BOT_PORT/readyz" "The bot" "$LOGS/bot.log"
TEAMSAPPTESTER_BROWSER=none node node_modules/@microsoft/m365agentsplayground/cli.js start \
  -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams -p "$PLAYGROUND_PORT" --disable-telemetry \
  > "$LOGS/playground.log" 2>&1 &
pids+=($!)
wait_for_url "http://127.0.0.1:$PLAYGROUND_PORT/_internal/v1/config" "The Playground" "$LOGS/playground.log"

echo "Taking screenshots from the Playground at http://127.0.0.1:$PLAYGROUND_PORT ..."
CHROMIUM="$CHROMIUM" node scripts/screenshots.mjs "http://127.0.0.1:$PLAYGROUND_PORT" "$OUT" "http://127.0.0.1:$GRAPH_PORT"
echo "Screenshots are in $OUT/ (logs in $LOGS/)."
if [[ -n "${KEEP_RUNNING:-}" ]]; then
  echo "Still running: the Playground at http://127.0.0.1:$PLAYGROUND_PORT. Ctrl-C stops everything."
  wait -n "${pids[@]}" || true
fi
