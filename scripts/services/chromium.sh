#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests and print its path.
# Playwright drives it through executable_path; no browser is downloaded.
set -euo pipefail

CHROMIUM="${KPO_CHROMIUM:-/usr/bin/chromium}"

if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "[chromium] $CHROMIUM is missing; install the Debian package 'chromium' (as root)." >&2
    exit 1
  fi
  echo "[chromium] installing the Debian package chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
fi
echo "$CHROMIUM"
