#!/usr/bin/env bash
# Installs Debian's Chromium for the page tests (playwright-core drives it; no browser is downloaded).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  echo "setup:browser: $(chromium --version 2>/dev/null || echo chromium) is installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
echo "setup:browser: installed $(chromium --version 2>/dev/null || echo chromium)"
