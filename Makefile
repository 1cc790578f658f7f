# ReviewBot: two commands do all set-up on a fresh clone (only the .NET SDK, Node and make needed).
#   make run   start Azurite, the bot and the Agents Playground; Ctrl-C stops all of them
#   make test  restore, build with warnings as errors, run every test project
SHELL := /bin/bash
.DEFAULT_GOAL := help

NODE_TOOLS := node_modules/.package-lock.json
RESULTS := artifacts/test-results

.PHONY: help tools restore build test run clean

help:
	@echo "make run    start the bot locally (Azurite + bot + Agents Playground)"
	@echo "make test   build with warnings as errors and run every test project"

$(NODE_TOOLS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

tools: $(NODE_TOOLS)

restore:
	dotnet restore ReviewBot.sln

build: restore
	dotnet build ReviewBot.sln --no-restore -warnaserror -nologo -clp:ErrorsOnly

# Test projects run one after another so fixtures (Azurite, the Playground) never fight for the 2 cores.
test: tools build
	@rm -rf $(RESULTS)
	dotnet test ReviewBot.sln --no-build -nologo -m:1 \
	  --results-directory $(RESULTS) --logger "trx" --logger "console;verbosity=minimal"

run: tools
	@bash scripts/run-local.sh

clean:
	rm -rf artifacts .local
	dotnet clean ReviewBot.sln -nologo -v:q
