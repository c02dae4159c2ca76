#!/usr/bin/env bash
# Installs the Debian packages the browser and real-editor tests need: chromium (driven by
# playwright-core), ripgrep (VS Code's search, used by code-server) and fonts-noto-cjk (without a
# CJK font the screenshots in docs/images show boxes for every Chinese character). Idempotent:
# does nothing when all are there.
set -euo pipefail

PKGS=(chromium ripgrep fonts-noto-cjk)
missing=()
command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
# a CJK font that Chromium finds through fontconfig
if ! { command -v fc-list >/dev/null && fc-list :lang=zh family | grep -qi .; }; then missing+=(fonts-noto-cjk); fi
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${PKGS[*]}"
  exit 0
fi

SUDO=""
if [ "$(id -u)" != "0" ]; then
  command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
command -v apt-get >/dev/null || { echo "apt-get not found: install ${missing[*]} with your package manager" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "installed: ${missing[*]}"
