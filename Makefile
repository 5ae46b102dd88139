# Quick start: `make run` (web chat over the bundled samples) and `make test`.
SHELL := /bin/bash
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export ORT_DISABLE_TELEMETRY := 1
export GRADIO_ANALYTICS_ENABLED := False
BB := .venv/bin/briefbot

.PHONY: setup run test lint browser bench eval
setup:
	@bash scripts/setup.sh

run: setup
	$(BB) ingest ingest/samples
	$(BB) serve

lint: setup
	.venv/bin/ruff check src tests benchmarks evals
	.venv/bin/mypy

# Debian chromium drives the browser tests; installed when missing and apt is usable, skipped otherwise.
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || \
	  echo "chromium not installed: browser tests will be skipped"; }

test: setup browser lint
	.venv/bin/python -m pytest -q

bench: setup
	.venv/bin/python benchmarks/run.py

eval: setup
	$(BB) eval --dataset evals/gold.jsonl --out evals/out
