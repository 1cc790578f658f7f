# ReviewBot: two commands do all set-up on a fresh clone (only the .NET SDK, Node and make needed).
#   make run   start Azurite, the bot and the Agents Playground; Ctrl-C stops all of them
#   make test  restore, build with warnings as errors, run every test project
#   make package  the Teams app package (artifacts/appPackage.zip); make infra  bicep build + lint
#   make screenshots  PNGs of the cards as the Agents Playground renders them (docs/screenshots/)
SHELL := /bin/bash
.DEFAULT_GOAL := help

NODE_TOOLS := node_modules/.package-lock.json
RESULTS := artifacts/test-results

.PHONY: help tools restore build test run clean package infra bench bench-mentions screenshots

help:
	@echo "make run    start the bot locally (Azurite + bot + Agents Playground)"
	@echo "make test   build with warnings as errors and run every test project"
	@echo "make package MANIFEST_APP_ID=<guid> BOT_APP_ID=<guid> BOT_DOMAIN=<host> (and DEVELOPER_NAME, ..."
	@echo "             see manifest/package.config.json)   write artifacts/appPackage.zip"
	@echo "make infra  bicep build and lint of infra/ (zero warnings)"
	@echo "make bench  the bot under load (Release, JWT on, Azurite): one table of turns, invokes, sweep, two instances (docs/performance.md)"
	@echo "make bench-mentions  what a 28 KB message of unclosed <at> costs against a plain one (docs/performance.md)"
	@echo "make screenshots  the cards in the Agents Playground, headless Chromium -> docs/screenshots/"

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

# The manifest's values come from manifest/package.config.json, overridden by these (environment or make VAR=...).
PACKAGE_SETTINGS := APP_VERSION MANIFEST_APP_ID BOT_APP_ID BOT_DOMAIN DEVELOPER_NAME DEVELOPER_WEBSITE_URL PRIVACY_URL TERMS_OF_USE_URL
export $(PACKAGE_SETTINGS)
package: tools
	@node manifest/package.js --out artifacts

BICEP_VERSION := 0.49.2
BICEP := $(or $(NUGET_PACKAGES),$(HOME)/.nuget/packages)/azure.bicep.commandline.linux-x64/$(BICEP_VERSION)/tools/bicep
infra:
	dotnet restore infra/tools/BicepCli.proj -nologo -v:q
	@bash infra/check.sh "$(BICEP)"

# Not part of make test: starts its own Azurite, stand-ins and bot processes on free ports; BENCH_SECONDS=3 for a short run.
bench: tools
	@bash scripts/bench.sh

# A console benchmark, not a timed test: exits 1 if unclosed <at> cost more than 3x plain text.
bench-mentions:
	dotnet run -c Release --project bench/ReviewBot.Benchmarks -warnaserror
# Needs Chromium (apt-get install chromium); starts and stops its own Azurite, Graph stand-in, bot and Playground.
screenshots: tools
	@bash scripts/screenshots.sh

clean:
	rm -rf artifacts .local
	dotnet clean ReviewBot.sln -nologo -v:q
