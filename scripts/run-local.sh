#!/usr/bin/env bash
# Starts ReviewBot locally: Azurite (Table storage, data under .local/), the bot on 127.0.0.1 with its
# embedded Development defaults, and the Microsoft 365 Agents Playground pointed at it. Ctrl-C stops all.
# Also the local Microsoft Graph stand-in (src/ReviewBot.GraphStandIn), which shows what the bot sent.
# Ports are overridable: BOT_PORT, AZURITE_PORT, PLAYGROUND_PORT, GRAPH_PORT.
set -euo pipefail
cd "$(dirname "$0")/.."

BOT_PORT=${BOT_PORT:-5130}
AZURITE_PORT=${AZURITE_PORT:-10012}
PLAYGROUND_PORT=${PLAYGROUND_PORT:-56150}
GRAPH_PORT=${GRAPH_PORT:-5140}
DATA_DIR=.local/azurite
mkdir -p "$DATA_DIR" .local/logs

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo; echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

wait_for_port() { # port, name, log
  for _ in $(seq 1 240); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "$2 did not start on port $1; see $3" >&2; exit 1
}

echo "Starting Azurite (Table storage) on 127.0.0.1:$AZURITE_PORT ..."
node node_modules/azurite/dist/src/table/main.js --location "$DATA_DIR" --disableTelemetry --silent \
  --skipApiVersionCheck --tableHost 127.0.0.1 --tablePort "$AZURITE_PORT" > .local/logs/azurite.log 2>&1 &
pids+=($!)
wait_for_port "$AZURITE_PORT" Azurite .local/logs/azurite.log

# Build first, in the foreground: a first build on a fresh clone can take minutes, and its errors belong on screen.
echo "Building the bot and the Graph stand-in ..."
dotnet build src/ReviewBot -nologo -v:q -clp:ErrorsOnly
dotnet build src/ReviewBot.GraphStandIn -nologo -v:q -clp:ErrorsOnly

echo "Starting the Microsoft Graph stand-in on http://127.0.0.1:$GRAPH_PORT ..."
dotnet run --no-build --project src/ReviewBot.GraphStandIn -- --urls "http://127.0.0.1:$GRAPH_PORT" \
  --StandIn:BoardFiles:0 "$PWD/src/ReviewBot/Storage/demo-board.json" > .local/logs/graph-stand-in.log 2>&1 &
pids+=($!)
wait_for_port "$GRAPH_PORT" "The Graph stand-in" .local/logs/graph-stand-in.log

echo "Starting the bot on http://127.0.0.1:$BOT_PORT ..."
export ASPNETCORE_ENVIRONMENT=Development
export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;"
export Graph__BaseUrl="http://127.0.0.1:$GRAPH_PORT/v1.0"
dotnet run --no-build --project src/ReviewBot --urls "http://127.0.0.1:$BOT_PORT" > .local/logs/bot.log 2>&1 &
pids+=($!)
wait_for_port "$BOT_PORT" "The bot" .local/logs/bot.log

echo "Starting the Agents Playground on http://127.0.0.1:$PLAYGROUND_PORT ..."
TEAMSAPPTESTER_BROWSER=none node node_modules/@microsoft/m365agentsplayground/cli.js start \
  -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams -p "$PLAYGROUND_PORT" --disable-telemetry \
  > .local/logs/playground.log 2>&1 &
pids+=($!)
wait_for_port "$PLAYGROUND_PORT" "The Playground" .local/logs/playground.log

cat <<MSG

ReviewBot is running.
  Open http://127.0.0.1:$PLAYGROUND_PORT in a browser and chat with the bot (try "help" or "refer").
  Bot:        http://127.0.0.1:$BOT_PORT/api/messages   (health: /healthz, /readyz)
  Outlook:    http://127.0.0.1:$GRAPH_PORT/   (the Graph stand-in: each mailbox's invites, .ics and mails)
  Storage:    Azurite on 127.0.0.1:$AZURITE_PORT, data in $DATA_DIR
  Logs:       .local/logs/
Press Ctrl-C to stop everything.
MSG
# Ctrl-C, or any of them exiting on its own, stops the rest.
wait -n "${pids[@]}" || true
echo "Stopped. Logs are in .local/logs/."
