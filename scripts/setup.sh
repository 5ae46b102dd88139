#!/usr/bin/env bash
# Idempotent set-up of .venv on a fresh machine: CPU-only torch first (never the multi-GB CUDA build),
# then briefbot with its dev extras. Re-running is cheap: a stamp records what was installed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
"$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "briefbot needs Python >= 3.11")'
# Debian's Tesseract reads scanned PDF pages (OCR), offline: installed when missing and apt-get is usable (checked on
# every run, before the stamp); without it scans stay NO TEXT and the OCR tests are skipped.
command -v tesseract >/dev/null || { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
  (apt-get update -qq && apt-get install -y -qq tesseract-ocr tesseract-ocr-eng >/dev/null) || \
  echo "tesseract-ocr not installed: scanned pages stay NO TEXT (apt-get install tesseract-ocr tesseract-ocr-eng)"; }
[ -x .venv/bin/python ] || "$PY" -m venv .venv
PIP=".venv/bin/python -m pip"
stamp=.venv/.briefbot-setup
want=$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -c1-16)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
# The venv's bundled pip (23.x) trips over one package asked with two spellings of an extra (justext wants
# lxml[html_clean], readability-lxml lxml[html-clean]) with an internal AssertionError; current pip resolves it.
$PIP install --quiet --upgrade pip
if ! .venv/bin/python -c 'import torch' 2>/dev/null; then
  # A CPU wheel of torch: from local find-links where the machine provides one, else PyTorch's CPU index.
  # TORCH_INDEX_URL overrides the index (e.g. an internal mirror).
  # Only a missing wheel falls back: any other failure (a full disk, say) stops here with pip's own message, since
  # retrying elsewhere could fetch a multi-GB CUDA build. The fallback reads no pip configuration file and no index
  # or find-links variable, so a machine's extra indexes cannot offer that CUDA build either.
  if ! out=$($PIP install --quiet "torch==2.13.0+cpu" 2>&1); then
    if ! grep -qE "No matching distribution|Could not find a version|ResolutionImpossible" <<<"$out"; then
      printf '%s\n' "$out" >&2
      echo "set-up stopped while installing torch (pip's message above); fix that, then run make setup again" >&2
      exit 1
    fi
    env -u PIP_EXTRA_INDEX_URL -u PIP_FIND_LINKS -u PIP_INDEX_URL PIP_CONFIG_FILE=/dev/null $PIP install --quiet torch \
      --index-url "${TORCH_INDEX_URL:-https://download.pytorch.org/whl/cpu}"
  fi
fi
$PIP install --quiet -e ".[dev]"
# Export the embedding model to ONNX once (torch is here now); queries and ingests then run it without torch.
HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 .venv/bin/python -m briefbot.encoder
echo "$want" > "$stamp"
echo "briefbot installed in .venv"
